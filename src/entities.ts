import { RevokedToken } from './auth/revoked-token.entity';
import { IdmAssessment, IdmChange, IdmIndicator, IdmYear, VillageCodeAlias } from './idm/idm.entity';
import { IndeksDesaAssessment, IndeksDesaYear } from './indeks-desa/indeks-desa.entity';
import { Program, ProgramLocus, ProgramVillage } from './program/program.entity';
import { District, Kabupaten, Province, Village } from './region/region.entity';

/** Every entity, listed explicitly so the same config works under node, compiled output and jest. */
export const entities = [Province, Kabupaten, District, Village, Program, ProgramLocus, ProgramVillage, IdmAssessment, IdmIndicator, IdmChange, IdmYear, VillageCodeAlias, IndeksDesaAssessment, IndeksDesaYear, RevokedToken];
