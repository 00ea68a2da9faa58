/**
 * Demonstration accounts of the local demo and the tests (DEMO_ACCOUNTS=true; refused in production).
 * Only bcrypt hashes live here; the shared demo password is documented in docs/security.md and exported by
 * libs/testing (DEMO_ACCOUNTS), and a unit test checks that both lists agree.
 */
export interface StaffAccount {
  username: string;
  name: string;
  org: string;
  roles: string[];
  passwordHash: string;
}

export const DEMO_ACCOUNT_HASHES: StaffAccount[] = [
  {
    username: 'sfj-clerk',
    name: '王晓明',
    org: 'sfj',
    roles: ['clerk'],
    passwordHash: '$2b$10$Guer34ZBQ21Ub9aoVn.q7uIe8h0BF5t2GRJ9UGzZI2t77Ey6tvPt2',
  },
  {
    username: 'sfj-reviewer',
    name: '李红',
    org: 'sfj',
    roles: ['reviewer'],
    passwordHash: '$2b$10$qZd.Hx9K9EhzEN./X3poaOLbDdpDyrw3SKuBMVb58YNOgIs61.K56',
  },
  {
    username: 'sfj-head',
    name: '刘建国',
    org: 'sfj',
    roles: ['head'],
    passwordHash: '$2b$10$NSFY1jEV6O5wzKpfk0h5Tu.nTL9uGl0jP/T5.23.P3oU.Ud/m0lKG',
  },
  {
    username: 'sfj-admin',
    name: '陈静',
    org: 'sfj',
    roles: ['admin'],
    passwordHash: '$2b$10$0Qkb7ByFDjvjw0eB0N44be/Ce0sPZ5H9XMEyWJElzZEV4ETs30Vm2',
  },
  {
    username: 'sfj-process-admin',
    name: '赵磊',
    org: 'sfj',
    roles: ['process-admin'],
    passwordHash: '$2b$10$R2VXhHBShkVu2W4.Hf4vM.1XYDJJ871b.bLaGgz4d0VUJqGwcEHSu',
  },
  {
    username: 'liaison-secretary',
    name: '周敏',
    org: 'sfj',
    roles: ['secretary'],
    passwordHash: '$2b$10$9x6EIZ3swV6Zgo0R0o4KOu4vBlgBo9b.73nOTtIV/6HtWSk7znW5C',
  },
  {
    username: 'jcy-staff',
    name: '吴芳',
    org: 'jcy',
    roles: ['clerk'],
    passwordHash: '$2b$10$pG59xEDxh6KRXBE9YdpGP.S5h11I3idxSv78xQHNHta.jplYzA8wu',
  },
  {
    username: 'jw-staff',
    name: '郑伟',
    org: 'jw',
    roles: ['clerk'],
    passwordHash: '$2b$10$sH4cXESQV6RrvP.u7CNaWO3pE51r3Q1CEFZzzAiv.yxvEdq4fY6ZS',
  },
  {
    username: 'jw-head',
    name: '孙立',
    org: 'jw',
    roles: ['head'],
    passwordHash: '$2b$10$Vvt5MNtmipZSdH0yIHC.uOsFIdCvHx.rUUHH9lFV2yATpJl5YI/Ay',
  },
  {
    username: 'rd-member',
    name: '黄丽',
    org: 'rd',
    roles: ['clerk'],
    passwordHash: '$2b$10$6wRwYOXCxCxzEWAjfGQzJ.aQnO5AUzyi8cm1qBQ1pvomU6uUUmTOW',
  },
  {
    username: 'rd-head',
    name: '程远',
    org: 'rd',
    roles: ['head'],
    passwordHash: '$2b$10$z4zdLma/v9y.7DtEsxrWyO4fE/X/HVQZpaiL/5/mouthBAHkstOkC',
  },
  {
    username: 'gaj-staff',
    name: '何军',
    org: 'gaj',
    roles: ['clerk'],
    passwordHash: '$2b$10$j7RksAaHKyonQt.hhrCncOyxM9TtqmhIn9rLmzpBgVz7daXP/O/Zy',
  },
  {
    username: 'scjg-clerk',
    name: '马超',
    org: 'scjg',
    roles: ['clerk'],
    passwordHash: '$2b$10$2xaNM/2Y8.3VHlAgay7/YeLVhwaVtzaEAF2vi16b0YXq9IUWKznMG',
  },
  {
    username: 'cgj-clerk',
    name: '林涛',
    org: 'cgj',
    roles: ['clerk'],
    passwordHash: '$2b$10$IGkhYjuGQ.x82c0u1AYukedPprPRMjwEhcI6MOpRRZD5MQfRTRhri',
  },
  {
    username: 'xgz-clerk',
    name: '胡斌',
    org: 'xgz',
    roles: ['clerk'],
    passwordHash: '$2b$10$FwV1JIXqKanQrX961BtIWeglG1hu2vFwC0Ohr8tD4Eu6SkEDLuYqi',
  },
  {
    username: 'scjg-head',
    name: '吕明',
    org: 'scjg',
    roles: ['head'],
    passwordHash: '$2b$10$kOyQ6bZu5S/NnN3B7YbjaOwEVtXCE6swNbv.jh20iyEYjwdWii.U2',
  },
];
