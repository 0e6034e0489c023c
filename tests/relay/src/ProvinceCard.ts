/**
 * A Relay component's documents, as an app built on react-relay writes them; tests/node.test.ts runs
 * relay-compiler on this folder against schema/schema.graphql. Only the compiler reads this file: the
 * tag is declared here so that it type-checks without react-relay.
 */
declare function graphql(strings: TemplateStringsArray): unknown;

/** A province card that refetches itself (through `node`) when, say, its year selector changes. */
export const provinceCard = graphql`
  fragment ProvinceCard_province on Province
  @refetchable(queryName: "ProvinceCardRefetchQuery")
  @argumentDefinitions(year: { type: "Int" }) {
    code
    name
    idmSummary(year: $year) {
      assessed
    }
    kabupatens {
      id
      code
      name
    }
  }
`;

/** The page the card sits on: a program's provinces, each seen through the program. */
export const programProvinces = graphql`
  query ProvinceCardProgramQuery($slug: String!) {
    program(slug: $slug) {
      id
      provinces {
        id
        ...ProvinceCard_province
      }
    }
  }
`;
