import { IdmIndex } from './idm-status';

/**
 * The 50 indicator names exactly as the Kemendes IDM API publishes them in `ROW[].INDIKATOR`
 * (identical in all 480 responses of 2021–2024 in ../shared/data/kemendes-api, padding included:
 * "Skor Bidan " ends in a space). The `/rumusan` mirror names the rows of a desa-year whose
 * indicators are not known with these, so OpenSID's table still lists every indicator.
 */
export const PUBLISHED_INDICATOR_NAMES: Readonly<Record<IdmIndex, readonly string[]>> = Object.freeze({
  [IdmIndex.IKS]: Object.freeze([
    'Skor Akses Sarkes',
    'Skor Dokter',
    'Skor Bidan ',
    'Skor Nakes Lain',
    'Skor Tingkat Kepesertaan BPJS',
    'Skor Akses Poskesdes',
    'Skor Aktivitas Posyandu',
    'Skor Akses SD/MI',
    'Skor Akses SMP/MTS',
    'Skor Akses SMA/SMK',
    'Skor Ketersediaan PAUD',
    'Skor Ketersediaan PKBM/ Paket ABC',
    'Skor Ketersediaan Kursus',
    'Skor Ketersediaan Taman Baca/ Perpus Desa',
    'Skor Kebiasaan Goryong',
    'Skor Frekuensi Goryong',
    'Skor Ketersediaan Ruang Publik',
    'Skor Kelompok OR',
    'Skor Kegiatan OR',
    'Skor Keragaman Agama',
    'Skor Keragaman Bahasa',
    'Skor Keragaman Komunikasi',
    'Skor Poskamling',
    'Skor Siskamling',
    'Skor Konflik',
    'Skor PMKS',
    'Skor SLB',
    'Skor Akses Listrik',
    'Skor Sinyal Tlp',
    'Skor Internet Kantor Desa',
    'Skor Akses Internet Warga',
    'Skor Akses Jamban',
    'Skor Sampah',
    'Skor Air Minum',
    'Skor Air Mandi & Cuci',
  ]),
  [IdmIndex.IKE]: Object.freeze([
    'Skor Keragaman Produksi',
    'Skor Pertokoan',
    'Skor Pasar',
    'Skor Toko/ Warung Kelontong',
    'Skor Kedai & Penginapan',
    'Skor POS & Logistik',
    'Skor Bank & BPR',
    'Skor Kredit',
    'Skor Lembaga Ekonomi',
    'Skor Moda Transportasi Umum',
    'Skor Keterbukaan Wilayah',
    'Skor Kualitas Jalan',
  ]),
  [IdmIndex.IKL]: Object.freeze(['Skor Kualitas Lingkungan', 'Skor Rawan Bencana', 'Skor Tanggap Bencana']),
});
