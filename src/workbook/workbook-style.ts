import type { Borders, Cell, DataValidation, Fill, Worksheet } from 'exceljs';
import { font } from './print-layout.js';

/** Looks shared by the workbook's sheets. */

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

export const HEADER_FILL = solid('FF1F3864');
export const LABEL_FILL = solid('FFD9E1F2');
/** Cells the assessor fills in: pale yellow, the usual "write here" colour in Japanese forms. */
export const INPUT_FILL = solid('FFFFF2CC');

const thin = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function styleHeader(cell: Cell): void {
  cell.font = font({ bold: true, color: { argb: 'FFFFFFFF' } });
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

export function styleLabel(cell: Cell): void {
  cell.font = font({ bold: true });
  cell.fill = LABEL_FILL;
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: true };
}

/**
 * One data validation over a whole range (one `<dataValidation sqref="G2:G301">`).
 * exceljs 4.4 keeps `dataValidations` on the worksheet but leaves it out of its
 * typings; setting `cell.dataValidation` cell by cell instead makes its
 * optimiser emit overlapping ranges (it sorts addresses as strings).
 */
export function addRangeValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  (sheet as Worksheet & { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, validation);
}
