import { z } from 'zod';

/** A Welsh local health board: NHS ODS code, ONS GSS code and names (reference §3.4). */
export interface WelshHealthBoard {
  readonly ods: string;
  readonly gss: string;
  readonly name: { readonly en: string; readonly cy: string };
}

/** The seven Welsh local health boards. */
export const WELSH_HEALTH_BOARDS: readonly WelshHealthBoard[] = [
  {
    ods: '7A1',
    gss: 'W11000023',
    name: { en: 'Betsi Cadwaladr University Health Board', cy: 'Bwrdd Iechyd Prifysgol Betsi Cadwaladr' },
  },
  {
    ods: '7A2',
    gss: 'W11000025',
    name: { en: 'Hywel Dda University Health Board', cy: 'Bwrdd Iechyd Prifysgol Hywel Dda' },
  },
  {
    ods: '7A3',
    gss: 'W11000031',
    name: { en: 'Swansea Bay University Health Board', cy: 'Bwrdd Iechyd Prifysgol Bae Abertawe' },
  },
  {
    ods: '7A4',
    gss: 'W11000029',
    name: { en: 'Cardiff and Vale University Health Board', cy: "Bwrdd Iechyd Prifysgol Caerdydd a'r Fro" },
  },
  {
    ods: '7A5',
    gss: 'W11000030',
    name: { en: 'Cwm Taf Morgannwg University Health Board', cy: 'Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg' },
  },
  {
    ods: '7A6',
    gss: 'W11000028',
    name: { en: 'Aneurin Bevan University Health Board', cy: 'Bwrdd Iechyd Prifysgol Aneurin Bevan' },
  },
  {
    ods: '7A7',
    gss: 'W11000024',
    name: { en: 'Powys Teaching Health Board', cy: 'Bwrdd Iechyd Addysgu Powys' },
  },
];

/** A Welsh local health board by NHS ODS code (`7A1`–`7A7`; `7A3` is Swansea Bay). */
export const HealthBoardCode = z.enum(['7A1', '7A2', '7A3', '7A4', '7A5', '7A6', '7A7'], {
  message: 'must be the ODS code of a Welsh health board (7A1–7A7)',
});
export type HealthBoardCode = z.infer<typeof HealthBoardCode>;

/** A Welsh local health board by ONS GSS code (`W11…`). */
export const HealthBoardGssCode = z.enum(
  ['W11000023', 'W11000024', 'W11000025', 'W11000028', 'W11000029', 'W11000030', 'W11000031'],
  { message: 'must be the ONS code of a Welsh health board (W11…)' },
);
export type HealthBoardGssCode = z.infer<typeof HealthBoardGssCode>;

/** True for a Welsh health board ODS code (`7A1`–`7A7`). Never throws. */
export function isValidHealthBoardCode(input: unknown): boolean {
  return HealthBoardCode.safeParse(input).success;
}

/** The Welsh health board with this ODS or GSS code, or `undefined`. */
export function welshHealthBoard(code: string): WelshHealthBoard | undefined {
  return WELSH_HEALTH_BOARDS.find((board) => board.ods === code || board.gss === code);
}
