/**
 * A group's id, one rule everywhere it travels — file names (the outbox), archive keys, URL paths
 * (`/v1/groups/<id>/…`) and the signed `X-Sajja-Group` header, which HTTP keeps to ASCII: a
 * letter or digit, then letters, digits, `-` and `_`, at most 64. A Thai id could never sign a
 * request, so it is refused everywhere with this message rather than accepted somewhere.
 */
export const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const isGroupId = (id: string): boolean => GROUP_ID.test(id);

export const GROUP_ID_RULE = {
  th: 'รหัสกลุ่มใช้ได้เฉพาะอักษรอังกฤษ ตัวเลข - และ _ (ไม่เกิน 64 ตัว ขึ้นต้นด้วยอักษรหรือตัวเลข) เช่น kamlon-m11: รหัสนี้ใช้ในชื่อไฟล์ คีย์ของคลังข้อมูล และที่อยู่เว็บ',
  en: 'a group id is English letters, digits, - and _ (at most 64, starting with a letter or digit), e.g. kamlon-m11: it travels in file names, archive keys and web addresses',
};
