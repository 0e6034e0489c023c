import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The number of fields an operation selects once every fragment is expanded: each field counts 1,
 * leaves and `__typename` included, whatever directives say (an upper bound). Fragments are measured
 * once and reused, so `fragment F0 { code ...F1 ...F1 } … fragment F27 { name }` is measured in 28
 * steps and reported as the 2^28 fields it expands to. Compiling or executing such a document costs
 * time in proportion to its expansion, not to its text, which is why this bound runs before both.
 *
 * A fragment that spreads itself (a cycle, refused later by validation) counts 0 inside itself, so
 * the measure always ends. Unknown fragments count 0 as well: validation names them.
 */
export function expandedFieldCount(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, number>();
  const fragmentSize = (name: string): number => {
    const known = measured.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    measured.set(name, 0);
    const size = selectionSize(fragment.selectionSet);
    measured.set(name, size);
    return size;
  };
  const selectionSize = (selectionSet: SelectionSetNode): number => {
    let size = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) size += 1 + (selection.selectionSet ? selectionSize(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += selectionSize(selection.selectionSet);
      else size += fragmentSize(selection.name.value);
    }
    return size;
  };
  let largest = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) largest = Math.max(largest, selectionSize(definition.selectionSet));
  }
  return largest;
}
