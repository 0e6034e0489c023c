import { registerEnumType } from 'type-graphql';

/** Arguments every family's level fields share: what a ranking orders by, which end, which desa a locus counts. */

// The GraphQL name IdmRankBy predates the second family and is kept so clients do not break.
export enum RankBy {
  MEAN_SCORE = 'MEAN_SCORE',
  STATUS_SHARE = 'STATUS_SHARE',
}

registerEnumType(RankBy, {
  name: 'IdmRankBy',
  description: 'What a ranking of regions orders by.',
  valuesConfig: {
    MEAN_SCORE: { description: 'Mean score of the assessed desa, in the ranked index.' },
    STATUS_SHARE: { description: 'Share of the assessed desa with one of the given statuses.' },
  },
});

export enum RankDirection {
  TOP = 'TOP',
  BOTTOM = 'BOTTOM',
}

registerEnumType(RankDirection, {
  name: 'RankDirection',
  description: 'Which end of a ranking to list.',
  valuesConfig: {
    TOP: { description: 'Highest values first.' },
    BOTTOM: { description: 'Lowest values first.' },
  },
});

export enum LocusSummaryOf {
  ENROLLED = 'ENROLLED',
  KABUPATEN = 'KABUPATEN',
}

registerEnumType(LocusSummaryOf, {
  name: 'LocusSummaryOf',
  description: 'Which desa a locus summary counts.',
  valuesConfig: {
    ENROLLED: { description: 'The desa enrolled through the locus.' },
    KABUPATEN: { description: 'Every desa of the locus kabupaten, enrolled or not (the frame the program works in).' },
  },
});
