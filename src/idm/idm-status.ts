import { registerEnumType } from 'type-graphql';

// The status scale and movement are shared by every index family (src/index-family); IDM keeps its names.
export { IndexStatus as IdmStatus, IndexMovement as IdmMovement, statusFromText } from '../index-family/index-status';

/** The three composite indices of IDM. */
export enum IdmIndex {
  IKS = 'IKS',
  IKE = 'IKE',
  IKL = 'IKL',
}

registerEnumType(IdmIndex, {
  name: 'IdmIndex',
  description: 'The three composite indices of IDM.',
  valuesConfig: {
    IKS: { description: 'Indeks Ketahanan Sosial: social resilience, 35 indicators.' },
    IKE: { description: 'Indeks Ketahanan Ekonomi: economic resilience, 12 indicators.' },
    IKL: { description: 'Indeks Ketahanan Lingkungan: ecological resilience, 3 indicators.' },
  },
});
