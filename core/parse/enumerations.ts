/**
 * Every enumeration of the workbook, with the Thai words people type for each key.
 * The first Thai word is the one the template offers in its dropdowns.
 */
export const ENUMERATIONS = {
  savings_type: { deposit: ['ฝาก', 'ฝากเงิน'], withdrawal: ['ถอน', 'ถอนเงิน'] },
  via: { subgroup_head: ['หัวหน้ากลุ่มย่อย', 'ผ่านหัวหน้ากลุ่มย่อย'], treasurer: ['เหรัญญิก', 'ผ่านเหรัญญิก'] },
  account: { cash: ['เงินสด'], bank: ['ธนาคาร', 'บัญชีธนาคาร'] },
  role: {
    member: ['สมาชิก'],
    subgroup_head: ['หัวหน้ากลุ่มย่อย'],
    treasurer: ['เหรัญญิก'],
    committee: ['กรรมการ'],
    chair: ['ประธาน'],
  },
  member_status: { active: ['ปกติ', 'เป็นสมาชิก'], left: ['ลาออก', 'ออก'], deceased: ['เสียชีวิต'] },
  loan_purpose: {
    debt_refinance: ['แก้หนี้', 'ชำระหนี้', 'ปลดหนี้'],
    occupation: ['ประกอบอาชีพ', 'อาชีพ'],
    education: ['การศึกษา'],
    health: ['รักษาพยาบาล', 'สุขภาพ'],
    emergency: ['ฉุกเฉิน'],
    housing: ['ที่อยู่อาศัย', 'บ้าน'],
    other: ['อื่นๆ', 'อื่น ๆ', 'อื่น'],
  },
  request_status: { pending: ['รอพิจารณา'], approved: ['อนุมัติ'], rejected: ['ไม่อนุมัติ'] },
  welfare_type: {
    contribution: ['สมทบ', 'จ่ายสมทบ'],
    payout: ['จ่ายสวัสดิการ', 'รับสวัสดิการ'],
    // money matched by the state or the local authority (SPEC §14), a line of its own
    matching: ['เงินสมทบจากรัฐ', 'สมทบจากรัฐ', 'รัฐสมทบ', 'สมทบจาก อปท.', 'อปท. สมทบ'],
  },
  benefit: {
    birth: ['คลอดบุตร'],
    sickness: ['เจ็บป่วย'],
    death: ['เสียชีวิต'],
    elderly: ['ผู้สูงอายุ'],
    education: ['การศึกษา'],
    disaster: ['ภัยพิบัติ'],
    other: ['อื่นๆ', 'อื่น ๆ', 'อื่น'],
  },
  other_type: { income: ['รายรับ', 'รายได้'], expense: ['รายจ่าย'], transfer: ['โอน', 'โอนเงิน'] },
  household_entry_type: { income: ['รายรับ', 'รายได้'], expense: ['รายจ่าย'] },
  creditor_type: {
    baac: ['ธ.ก.ส.', 'ธกส'],
    bank: ['ธนาคารพาณิชย์', 'ธนาคาร'],
    village_fund: ['กองทุนหมู่บ้าน'],
    cooperative: ['สหกรณ์'],
    housing_authority: ['การเคหะ', 'การเคหะแห่งชาติ'],
    savings_group: ['กลุ่มออมทรัพย์', 'กลุ่มสัจจะ'],
    informal: ['หนี้นอกระบบ', 'นอกระบบ'],
    // licensed pico-finance (พิโกไฟแนนซ์): lawful up to 36 % a year (SPEC §14)
    pico: ['พิโกไฟแนนซ์', 'พิโก'],
    other: ['อื่นๆ', 'อื่น ๆ', 'อื่น'],
  },
  rate_period: { month: ['ต่อเดือน', 'เดือน'], year: ['ต่อปี', 'ปี'] },
  calendar: { buddhist: ['พุทธศักราช', 'พ.ศ.'], gregorian: ['คริสต์ศักราช', 'ค.ศ.'] },
  // the group's year (SPEC §13): savings products and the bylaws' choices
  product: {
    sajja: ['สัจจะ', 'เงินสัจจะ', 'ออมสัจจะ'],
    shares: ['หุ้น', 'ค่าหุ้น', 'ถือหุ้น'],
    voluntary: ['ออมพิเศษ', 'เงินฝากพิเศษ', 'ออมทั่วไป'],
    child: ['ออมเพื่อลูก', 'ออมเด็ก', 'เงินออมเด็ก'],
  },
  sajja_withdrawal: { on_leaving: ['เมื่อลาออก', 'ถอนเมื่อลาออก'], any: ['ได้ทุกเมื่อ', 'ถอนได้'] },
  dividend_method: {
    daily: ['รายวัน', 'ยอดเฉลี่ยรายวัน'],
    month_end: ['สิ้นเดือน', 'ยอดสิ้นเดือน'],
    full_month: ['เต็มเดือน', 'ยอดต่ำสุดของเดือน'],
  },
  paid_as: { savings: ['เข้าบัญชีเงินออม', 'เข้าเงินออม'], cash: ['เงินสด', 'จ่ายเงินสด'] },
  round_to: { satang: ['สตางค์'], baht: ['บาท'] },
  allocation_preset: { cooperative: ['สหกรณ์', 'แบบสหกรณ์'], subin: ['พระสุบิน', 'แบบพระสุบิน'] },
  yes_no: { yes: ['ใช่', 'ต้อง'], no: ['ไม่', 'ไม่ต้อง'] },
  // the welfare table (SPEC §14): what a benefit's amount is counted per, and the presets
  welfare_unit: { event: ['ครั้ง', 'ต่อครั้ง'], night: ['คืน', 'ต่อคืน'], year: ['ปี', 'ต่อปี'] },
  welfare_preset: { chamuang: ['ชะมวง', 'กองทุนตำบลชะมวง', 'แบบชะมวง'] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type EnumerationName = keyof typeof ENUMERATIONS;

/** Household expense and income categories: known keys with Thai words. Free text is allowed too. */
export const CATEGORIES = {
  expense: {
    food: ['อาหาร', 'กับข้าว', 'ข้าวสาร'],
    alcohol_tobacco: ['เหล้าบุหรี่', 'เหล้า', 'บุหรี่', 'สุรา', 'เบียร์'],
    lottery_gambling: ['หวย', 'การพนัน', 'หวยการพนัน', 'ลอตเตอรี่', 'สลากกินแบ่ง'],
    farming_inputs: ['ปัจจัยการผลิต', 'ปุ๋ย', 'ปุ๋ยยา', 'ยาฆ่าแมลง', 'เมล็ดพันธุ์', 'อาหารสัตว์'],
    education: ['การศึกษา', 'เล่าเรียน', 'เทอม', 'ค่าเทอม', 'ค่าเล่าเรียน', 'ค่าขนมลูก', 'อุปกรณ์การเรียน'],
    health: ['รักษาพยาบาล', 'สุขภาพ', 'ค่ารักษาพยาบาล', 'ค่ายา', 'หาหมอ'],
    debt_payment: ['ชำระหนี้', 'ใช้หนี้', 'ผ่อนหนี้', 'ส่งหนี้'],
    utilities: ['ค่าน้ำค่าไฟ', 'สาธารณูปโภค', 'ค่าน้ำ', 'ค่าไฟ', 'ค่าไฟฟ้า', 'ค่าโทรศัพท์', 'ค่าเน็ต'],
    transport: ['เดินทาง', 'ค่าเดินทาง', 'ค่าน้ำมัน', 'น้ำมันรถ', 'ค่ารถ'],
    social_merit: ['งานบุญ', 'ทำบุญ', 'งานสังคม', 'ช่วยงาน', 'ซองงาน'],
    household_goods: ['ของใช้ในบ้าน', 'ของใช้'],
    other: ['อื่นๆ', 'อื่น ๆ', 'อื่น'],
  },
  income: {
    farming: ['เกษตร', 'ทำสวน', 'ทำนา', 'ขายยาง', 'กรีดยาง', 'ขายผลผลิต'],
    wages: ['รับจ้าง', 'ค่าจ้าง', 'เงินเดือน', 'ค่าแรง'],
    trading: ['ค้าขาย', 'ขายของ'],
    remittance: ['ลูกส่งให้', 'เงินโอนจากญาติ', 'ลูกส่งเงิน'],
    welfare: ['สวัสดิการ', 'เบี้ยยังชีพ', 'เบี้ยผู้สูงอายุ', 'บัตรสวัสดิการแห่งรัฐ'],
    other: ['อื่นๆ', 'อื่น ๆ', 'อื่น'],
  },
} as const;

/** Expense categories the groups set out to cut. */
export const REDUCIBLE_CATEGORIES: readonly string[] = ['alcohol_tobacco', 'lottery_gambling'];
