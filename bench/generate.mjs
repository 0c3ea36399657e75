#!/usr/bin/env node
// Generates the synthetic benchmark workspace into bench/.workspace/ (git-ignored).
//
// Deterministic: every choice comes from a seeded PRNG (mulberry32), never Math.random, so the
// same GENERATOR_VERSION always writes byte-identical files. Regeneration is skipped when the
// folder holds a marker of the same version.
//
// Shape (see /work/shared/perf-facts.md): 1,000 journeys × 40 steps (4–6 stages) × 2 personas,
// 20 touchpoint inventories (2,000 touchpoints), 10 standards files (1,000 standards), one
// personas file and a peakend.yaml: ~1,030 files, ~10 MB, ~345k lines. The workspace is valid
// apart from a handful of deliberate findings, listed in the manifest (.manifest.json).
//
// Usage: node bench/generate.mjs [--force] [--out <folder>]

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 'peakend-bench-workspace/3';
const SEED = 0x9eab_e7d1;

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = join(here, '.workspace');
const MARKER = '.generator-version';
const MANIFEST = '.manifest.json';

const COUNTS = {
  journeys: 1000,
  stepsPerJourney: 40,
  personasPerJourney: 2,
  inventories: 20,
  touchpoints: 2000,
  standardsFiles: 10,
  standards: 1000,
};

// ─── PRNG ──────────────────────────────────────────────────────────────────────────────────

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** k distinct items, in random order. */
    sample(arr, k) {
      const copy = arr.slice();
      const out = [];
      for (let i = 0; i < k && copy.length; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
    decimal: (lo, hi, digits = 1) => Number((lo + next() * (hi - lo)).toFixed(digits)),
  };
  return r;
}

// ─── Vocabulary ────────────────────────────────────────────────────────────────────────────

const AREAS = [
  { slug: 'sales', zh: '营销与销售', en: 'Sales' },
  { slug: 'handover', zh: '交付', en: 'Handover' },
  { slug: 'property-service', zh: '物业服务', en: 'Property services' },
  { slug: 'repairs', zh: '报修与维修', en: 'Repairs' },
  { slug: 'community', zh: '社区生活', en: 'Community life' },
  { slug: 'rental', zh: '租赁', en: 'Rental' },
  { slug: 'commercial', zh: '商业物业', en: 'Commercial property' },
  { slug: 'parking', zh: '停车', en: 'Parking' },
  { slug: 'billing', zh: '收费与账单', en: 'Billing' },
  { slug: 'digital', zh: '线上服务', en: 'Digital services' },
];

const CITIES = ['上海', '北京', '深圳', '杭州', '成都', '武汉', '南京', '西安', '苏州', '重庆', '广州', '天津'];
const PROJECTS = ['滨江花园', '云栖府', '翠湖天地', '星河湾', '锦绣华庭', '望江苑', '绿城玫瑰园', '金地名悦', '阳光城', '海上明珠', '紫薇花园', '万科城'];
const PROJECTS_EN = ['Riverside Garden', 'Cloud Bay', 'Jade Lake', 'Galaxy Bay', 'Splendid Court', 'River View', 'Rose Garden', 'Golden Residence', 'Sunshine City', 'Pearl Tower', 'Crape Myrtle Park', 'Vanke Town'];

const CHANNELS = ['store', 'phone', 'chat', 'app', 'website', 'on-site', 'mail', 'sms', 'email', 'wechat', 'social-media', 'outdoor', 'mini-program'];
const PHASES = ['marketing', 'product', 'service', 'brand-communication', 'after-sales', 'community'];
const DEPARTMENTS = ['营销中心', '客户关系中心', '物业客服中心', '物业工程部', '物业安保部', '物业环境部', '设计研发部', '工程管理部', '品牌部', '数字化中心', '财务共享中心', '租赁事业部', 'Customer Care', 'Digital Team', 'Facilities'];

// Touchpoint archetypes: [slug, zh name, en name, channel, type, phase, tags]
const TOUCHPOINT_KINDS = [
  ['ad-online', '网络广告', 'Online ads', 'website', 'digital', 'marketing', ['advertising', 'media']],
  ['ad-outdoor', '户外广告', 'Billboards', 'outdoor', 'physical', 'marketing', ['advertising']],
  ['sales-reception', '现场销售接待', 'Sales reception', 'store', 'human', 'marketing', ['staff', 'sales']],
  ['telesales', '电话销售', 'Telesales', 'phone', 'human', 'marketing', ['staff', 'sales']],
  ['sales-site', '售楼处与样板区', 'Sales gallery', 'on-site', 'physical', 'marketing', ['site', 'sales']],
  ['show-flat', '样板间', 'Show flat', 'on-site', 'physical', 'product', ['site', 'product']],
  ['product-planning', '产品规划', 'Product planning', 'on-site', 'physical', 'product', ['product']],
  ['construction-quality', '工程质量形象', 'Construction quality', 'on-site', 'physical', 'product', ['product', 'site']],
  ['contract-signing', '签约中心', 'Contract desk', 'store', 'human', 'marketing', ['staff', 'sales', 'contract']],
  ['mortgage-service', '按揭办理', 'Mortgage service', 'store', 'human', 'service', ['staff', 'finance']],
  ['house-handover', '房屋交付', 'House handover', 'on-site', 'human', 'service', ['staff', 'handover']],
  ['handover-notice', '交房通知', 'Handover notice', 'sms', 'digital', 'service', ['handover', 'notice']],
  ['certificate-service', '产权证办理', 'Title deed service', 'store', 'human', 'service', ['staff', 'paperwork']],
  ['complaint-handling', '投诉处理', 'Complaint handling', 'phone', 'human', 'service', ['staff', 'complaints']],
  ['service-hotline', '物业服务热线', 'Service hotline', 'phone', 'human', 'service', ['staff', 'hotline']],
  ['service-center', '物业服务中心前台', 'Service desk', 'store', 'human', 'service', ['staff', 'counter']],
  ['property-repair', '入户维修', 'In-home repair', 'on-site', 'human', 'after-sales', ['staff', 'repair']],
  ['public-repair', '公共设施维修', 'Common-area repair', 'on-site', 'human', 'after-sales', ['repair', 'facilities']],
  ['fee-collection', '物业费收缴', 'Fee collection', 'store', 'human', 'service', ['staff', 'counter', 'billing']],
  ['e-bill', '电子账单', 'E-bill', 'app', 'digital', 'service', ['billing', 'digital']],
  ['security-gate', '门岗与访客登记', 'Gatehouse', 'on-site', 'human', 'service', ['staff', 'security']],
  ['patrol', '安保巡逻', 'Security patrol', 'on-site', 'human', 'service', ['staff', 'security']],
  ['cleaning', '公共区域保洁', 'Cleaning', 'on-site', 'human', 'service', ['staff', 'environment']],
  ['green-maintenance', '绿化养护', 'Landscaping', 'on-site', 'physical', 'service', ['environment']],
  ['garbage-sorting', '垃圾分类点', 'Waste sorting point', 'on-site', 'physical', 'community', ['environment']],
  ['elevator', '电梯运行', 'Lifts', 'on-site', 'physical', 'service', ['facilities', 'safety']],
  ['parking-gate', '停车场道闸', 'Car-park barrier', 'on-site', 'physical', 'service', ['parking', 'facilities']],
  ['parking-payment', '停车缴费', 'Parking payment', 'mini-program', 'digital', 'service', ['parking', 'billing', 'digital']],
  ['ev-charging', '充电桩', 'EV chargers', 'on-site', 'physical', 'service', ['parking', 'facilities']],
  ['owner-app', '业主 App', 'Owner app', 'app', 'digital', 'service', ['digital', 'self-service']],
  ['mini-program', '微信小程序', 'WeChat mini-program', 'mini-program', 'digital', 'service', ['digital', 'self-service']],
  ['wechat-account', '微信公众号', 'WeChat account', 'wechat', 'digital', 'brand-communication', ['media', 'notice']],
  ['company-website', '公司网站', 'Company website', 'website', 'digital', 'brand-communication', ['media']],
  ['weibo', '微博官方号', 'Weibo account', 'social-media', 'digital', 'brand-communication', ['media', 'social']],
  ['douyin', '抖音号', 'Douyin channel', 'social-media', 'digital', 'brand-communication', ['media', 'social']],
  ['owner-group', '业主微信群', 'Owner chat group', 'wechat', 'human', 'community', ['community', 'social']],
  ['community-event', '社区活动', 'Community events', 'on-site', 'human', 'community', ['community', 'events']],
  ['notice-board', '公告栏', 'Notice board', 'on-site', 'physical', 'community', ['notice']],
  ['satisfaction-survey', '满意度调研', 'Satisfaction survey', 'sms', 'digital', 'after-sales', ['research']],
  ['online-chat', '在线客服', 'Live chat', 'chat', 'human', 'service', ['staff', 'digital', 'hotline']],
  ['email-support', '邮件客服', 'E-mail support', 'email', 'human', 'service', ['staff', 'digital']],
  ['decoration-permit', '装修审批', 'Renovation permit', 'store', 'human', 'service', ['staff', 'paperwork', 'decoration']],
  ['decoration-patrol', '装修巡查', 'Renovation inspection', 'on-site', 'human', 'service', ['decoration', 'safety']],
  ['lease-signing', '租约签订', 'Lease signing', 'store', 'human', 'marketing', ['staff', 'contract', 'rental']],
  ['tenant-onboarding', '租户入驻', 'Tenant onboarding', 'on-site', 'human', 'service', ['rental', 'handover']],
  ['mall-info-desk', '商场服务台', 'Mall info desk', 'store', 'human', 'service', ['staff', 'counter', 'commercial']],
  ['office-reception', '写字楼前台', 'Office reception', 'store', 'human', 'service', ['staff', 'commercial']],
  ['utility-service', '水电气服务', 'Utilities', 'phone', 'human', 'service', ['utilities', 'hotline']],
  ['package-locker', '快递柜', 'Parcel lockers', 'on-site', 'physical', 'community', ['facilities', 'self-service']],
  ['mail-letter', '纸质信函', 'Letters', 'mail', 'physical', 'brand-communication', ['notice', 'paperwork']],
];

const INVENTORIES = [
  ['mkt', 'marketing', '营销接触点', 'Marketing touchpoints'],
  ['sal', 'sales', '销售案场接触点', 'Sales-site touchpoints'],
  ['hnd', 'handover', '交付接触点', 'Handover touchpoints'],
  ['cs', 'customer-service', '客服接触点', 'Customer-service touchpoints'],
  ['rep', 'repairs', '维修接触点', 'Repair touchpoints'],
  ['sec', 'security', '安保接触点', 'Security touchpoints'],
  ['env', 'environment', '环境接触点', 'Environment touchpoints'],
  ['bil', 'billing', '收费接触点', 'Billing touchpoints'],
  ['dig', 'digital', '数字化接触点', 'Digital touchpoints'],
  ['wx', 'wechat', '微信生态接触点', 'WeChat touchpoints'],
  ['prk', 'parking', '停车接触点', 'Parking touchpoints'],
  ['com', 'community', '社区接触点', 'Community touchpoints'],
  ['rnt', 'rental', '租赁接触点', 'Rental touchpoints'],
  ['cml', 'commercial', '商业接触点', 'Commercial touchpoints'],
  ['fac', 'facilities', '设施设备接触点', 'Facilities touchpoints'],
  ['cmp', 'complaints', '投诉接触点', 'Complaint touchpoints'],
  ['dec', 'decoration', '装修接触点', 'Renovation touchpoints'],
  ['utl', 'utilities', '水电气接触点', 'Utility touchpoints'],
  ['brd', 'brand', '品牌传播接触点', 'Brand touchpoints'],
  ['pap', 'paperwork', '办证接触点', 'Paperwork touchpoints'],
];

const PERSONAS = [
  ['first-time-buyer', '首次置业业主', '第一次买房的年轻家庭，预算紧，对交房质量和物业响应非常敏感。', '刚需'],
  ['upgrader', '改善型业主', '换房改善居住条件的业主，看重品质、效率和被尊重的感觉。', '改善'],
  ['investor', 'Investor owner', 'Buys to let; cares about rental yield, fee transparency and fast repairs between tenants.', 'Investment'],
  ['tenant', '租户', '租住在小区的上班族，很少见到房东，遇事先找物业。', '租赁'],
  ['elderly-owner', '退休业主', '在小区住了十年以上的老人，习惯到前台办事，不太用 App。', '长者'],
  ['young-family', 'Young family', 'Parents of small children; safety, playgrounds and quick answers in the chat group matter most.', 'Family'],
  ['shop-tenant', '商铺租户', '底商和商场里的小店主，关心客流、营业时间和维修不影响营业。', '商业'],
  ['office-tenant', 'Office tenant', 'Facilities manager of a company renting two floors; wants SLAs and clear invoices.', 'Commercial'],
  ['海外业主', '海外业主', '常年在国外的业主，所有事情都在线上办，时差让电话沟通很难。', '远程'],
  ['new-resident', '新入住业主', '刚刚收房、正在装修的业主，事情多、问题多、情绪波动大。', '新业主'],
  ['car-owner', 'Car owner', 'Drives daily; parking spaces, barrier speed and EV charging decide the mood.', 'Mobility'],
  ['pet-owner', '养宠业主', '养狗的业主，关注遛狗区域、邻里关系和物业的管理是否公平。', '宠物'],
];

const STAGES = [
  ['discover', '了解项目', 'Discover'],
  ['visit', '看房', 'Visit'],
  ['buy', '购房签约', 'Buy'],
  ['wait', '等待交付', 'Wait for handover'],
  ['handover', '交房', 'Handover'],
  ['decorate', '装修', 'Renovate'],
  ['move-in', '入住', 'Move in'],
  ['daily-life', '日常居住', 'Daily life'],
  ['repairs', '报修', 'Repairs'],
  ['complain', '投诉', 'Complain'],
  ['pay', '缴费', 'Pay fees'],
  ['park', '停车', 'Parking'],
  ['community', '社区活动', 'Community'],
  ['renew', '续约续费', 'Renew'],
  ['leave', '搬离', 'Move out'],
  ['lease', '租赁', 'Lease'],
];

// Step archetypes: [slug, zh title, en title]
const STEPS = [
  ['see-ad', '看到网络广告', 'Sees an online ad'],
  ['search-online', '在网上搜索楼盘信息', 'Searches for the project online'],
  ['call-sales', '致电销售咨询', 'Calls the sales line'],
  ['visit-gallery', '参观售楼处', 'Visits the sales gallery'],
  ['view-show-flat', '参观样板间', 'Tours the show flat'],
  ['compare-prices', '比较价格和户型', 'Compares prices and layouts'],
  ['pay-deposit', '缴纳定金', 'Pays the deposit'],
  ['sign-contract', '签订购房合同', 'Signs the purchase contract'],
  ['apply-mortgage', '办理按揭贷款', 'Applies for a mortgage'],
  ['progress-update', '收到工程进度播报', 'Gets a construction update'],
  ['open-day', '参加工地开放日', 'Joins the site open day'],
  ['handover-notice', '收到交房通知', 'Receives the handover notice'],
  ['inspect-house', '陪同验房', 'Inspects the flat'],
  ['report-defects', '登记房屋问题', 'Reports defects'],
  ['get-keys', '领取钥匙', 'Collects the keys'],
  ['decoration-permit', '办理装修手续', 'Applies for a renovation permit'],
  ['decoration-check', '装修巡查', 'Renovation inspection'],
  ['move-furniture', '搬家入住', 'Moves in'],
  ['register-app', '注册业主 App', 'Registers in the owner app'],
  ['join-group', '加入业主群', 'Joins the owner chat group'],
  ['call-hotline', '拨打报修热线', 'Calls the repair hotline'],
  ['submit-repair-app', '在 App 上提交报修', 'Files a repair in the app'],
  ['wait-technician', '等待维修人员上门', 'Waits for the technician'],
  ['repair-visit', '维修人员上门', 'Technician visits'],
  ['repair-follow-up', '维修回访', 'Repair follow-up call'],
  ['lift-breakdown', '电梯故障被困', 'Stuck in a broken lift'],
  ['water-outage', '小区停水', 'Water outage'],
  ['fee-bill', '收到物业费账单', 'Receives the fee bill'],
  ['pay-fee-counter', '到前台缴纳物业费', 'Pays fees at the desk'],
  ['pay-fee-online', '在线缴纳物业费', 'Pays fees online'],
  ['ask-invoice', '申请开具发票', 'Asks for an invoice'],
  ['enter-parking', '驶入停车场', 'Drives into the car park'],
  ['find-space', '寻找车位', 'Looks for a space'],
  ['charge-ev', '使用充电桩', 'Charges the car'],
  ['pay-parking', '缴纳停车费', 'Pays for parking'],
  ['visitor-entry', '访客进门登记', 'Registers a visitor'],
  ['collect-parcel', '取快递', 'Picks up a parcel'],
  ['sort-garbage', '垃圾分类投放', 'Sorts the rubbish'],
  ['see-notice', '查看公告', 'Reads a notice'],
  ['join-event', '参加社区活动', 'Joins a community event'],
  ['complain-phone', '电话投诉', 'Complains by phone'],
  ['complain-weibo', '在微博上投诉', 'Complains on Weibo'],
  ['complaint-reply', '收到投诉答复', 'Gets a reply to the complaint'],
  ['survey', '填写满意度问卷', 'Fills in the satisfaction survey'],
  ['renew-contract', '续签物业服务合同', 'Renews the service contract'],
  ['sign-lease', '签订租约', 'Signs the lease'],
  ['tenant-check-in', '租户入驻', 'Tenant checks in'],
  ['handover-out', '退租交房', 'Hands the unit back'],
  ['get-deposit-back', '退还押金', 'Gets the deposit back'],
  ['live-chat', '在线咨询客服', 'Asks in live chat'],
];

const PAIN_SUBJECTS = ['电话', '维修人员', '前台', '账单', '电梯', '停车场', 'App', '公众号', '工单', '门岗', '保洁', '交房流程', '验房', '装修审批', '充电桩'];
const PAIN_SUBJECTS_EN = ['The hotline', 'The app', 'The invoice', 'The technician', 'The lift', 'The desk'];
const PAIN_PROBLEMS = [
  '很久才接通，高峰时段要等十几分钟',
  '说不清楚处理时限',
  '要跑好几趟才办完',
  '只有总额，看不到收费明细',
  '上门时间一改再改，没人提前通知',
  '态度冷淡，问三句答一句',
  '信息过期，和现场不一致',
  '排队久，只开一个窗口',
  '经常故障，报修后没有回音',
  '操作复杂，老人不会用',
  '没有鞋套，弄脏了地板',
  '收费标准和合同不一致',
];
const PAIN_PROBLEMS_EN = [
  'never calls back after the first visit',
  'keeps logging me out',
  'has no English version',
  'arrives outside the promised time window',
  'shows a different amount than the paper bill',
];
const OPPORTUNITIES = [
  '工单状态实时推送到微信，附上预计上门时间',
  '高峰时段增加坐席，提供回拨服务',
  '账单列明每一项收费的依据和计算方法',
  '交钥匙仪式：鲜花、合影和一封欢迎信',
  '维修完成后拍照上传，业主在线确认',
  '前台开设老年人绿色通道',
  '样板间标注实际交付标准，避免交房落差',
  '把常见问题做成短视频放在公众号',
  'Offer self-service booking of repair slots',
  'Send a reminder the day before the visit',
  'Let owners rate each visit in the app',
  'Publish response-time statistics every month',
];
const QUOTES = [
  '签完字那一刻觉得终于有自己的家了。',
  '说好的精装修，墙一摸就掉灰。',
  '打了三次电话才有人接，接了还说要再等等。',
  '师傅人很好，修完还帮我把地扫了。',
  '账单上这笔公摊电费到底是怎么算的？',
  '门岗大叔记得我家孩子的名字，很暖心。',
  '停车场晚上灯太暗，我每次都有点害怕。',
  'App 上报修很方便，半小时就有人联系我了。',
  'I could not find anyone who speaks English at the desk.',
  'The technician came on time and explained everything.',
  'Why do I have to print the form when everything else is online?',
  '投诉了一个月，没有任何回复。',
  '活动办得很用心，邻居们终于认识了。',
];
const QUOTE_SOURCES = ['2026 年业主满意度调研', '交房回访录音', '投诉工单', '业主访谈', 'Owner interview', 'App review', '微博评论'];
const DESCRIPTIONS = [
  '业主第一次与我们面对面接触，印象会影响之后所有的评价。',
  '这一步多数业主会在工作日晚上完成，线上渠道压力最大。',
  '数据来自上季度工单系统和回访录音的抽样分析。',
  'Most owners do this on a weekend; queues build up after 10 am.',
  'Handled by the outsourced call centre since 2025.',
  '涉及多个部门协作，责任边界经常不清楚。',
];
const BLUEPRINT = {
  frontstage: ['客户关系专员陪同', '问题当场登记', '前台接待说明流程', 'Technician explains the fix'],
  backstage: ['工程部按问题清单派单整改', '客服中心跟踪工单', '财务核对收费明细', 'Dispatcher assigns the job'],
  support: ['交付问题管理系统', 'CRM 工单系统', '收费系统', 'Field-service app'],
};

const STANDARD_FILES = [
  ['complaint-handling', '投诉处理标准', '客户关系中心', null],
  ['marketing-brand', '营销、产品与品牌传播标准', '营销中心', null],
  ['repair-staff', '维修人员服务规范', '物业工程部', ['etiquette', 'norms', 'efficiency', 'reliability']],
  ['service-center', '服务中心前台标准', '物业客服中心', null],
  ['security-standards', '安保服务标准', '物业安保部', null],
  ['environment-standards', 'Environment and cleaning standards', '物业环境部', null],
  ['digital-service', '线上服务标准', '数字化中心', ['responsiveness', 'reliability', 'efficiency', 'assurance', 'accessibility']],
  ['handover-standards', '交付服务标准', '客户关系中心', null],
  ['billing-standards', 'Billing standards', '财务共享中心', null],
  ['commercial-standards', '商业与租赁服务标准', '租赁事业部', null],
];
const DEFAULT_DIMENSIONS = ['reliability', 'responsiveness', 'assurance', 'empathy', 'tangibles', 'etiquette', 'norms', 'efficiency'];
// Standard archetypes: [slug, zh title, zh requirement, expectation builder index]
const STANDARD_KINDS = [
  ['respond-at-once', '即时响应', '接到诉求后 30 分钟内联系客户，确认诉求并告知处理时限。'],
  ['answer-in-rings', '三声内接听', '来电在振铃三声之内接听，并使用标准问候语。'],
  ['on-time', '准时上门', '在约定的时间窗口内到达，迟到须提前电话告知。'],
  ['uniform-badge', '统一着装、佩戴工牌', '穿着公司统一工装，胸前佩戴工牌。'],
  ['greet', '主动问候', '客户进门 30 秒内有工作人员上前问候并引导。'],
  ['clean-up', '完工清场', '作业完成后清理现场，垃圾带走，地面恢复原样。'],
  ['explain-fee', '收费说明清楚', '收费项目、标准和依据主动告知，并提供明细。'],
  ['follow-up', '100% 回访', '每一件办结的工单都要回访，直到客户满意、工单关闭。'],
  ['info-current', '信息准确及时', '公告、办事指南和联系方式每月核对一次，过期信息 48 小时内下线。'],
  ['tidy-site', '现场整洁安全', '公共区域、通道和围挡整洁、安全，标识清楚。'],
  ['privacy', '保护客户隐私', '客户信息只用于办理业务，不在公共场合大声核对。'],
  ['accessible', '无障碍服务', '为老人、残障人士提供优先通道和协助。'],
  ['first-contact-resolution', '首问负责', '第一位接待的员工负责到底，不让客户重复陈述。'],
  ['reply-social', '社交媒体 24 小时内回复', '社交媒体上的留言和投诉在 24 小时内公开回复并转为工单。'],
  ['truthful', '信息真实', '宣传中的价格、面积、配套和时间与合同一致，不作夸大承诺。'],
];
const EVIDENCE = ['photo', 'recording', 'ticket', 'document', 'note'];

// ─── YAML text helpers ─────────────────────────────────────────────────────────────────────

/** A scalar as plain YAML when that is unambiguous, else double-quoted. */
function scalar(s) {
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(s)) return s; // dates stay plain strings under the core schema
  const plainUnsafe =
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
    /[\s]$/.test(s) ||
    /: |:$| #/.test(s) ||
    /^(true|false|null|~|yes|no|on|off)$/i.test(s) ||
    /^[-+]?(\d|\.\d)/.test(s);
  return plainUnsafe ? JSON.stringify(s) : s;
}
const flowList = (items) => `[${items.join(', ')}]`;

// ─── Model ─────────────────────────────────────────────────────────────────────────────────

function buildModel() {
  const rnd = makeRandom(SEED);
  const expected = {};
  const note = (rule, where) => {
    (expected[rule] ??= []).push(where);
  };

  // Touchpoints: 20 inventories × 100.
  const perInventory = COUNTS.touchpoints / COUNTS.inventories;
  const inventories = INVENTORIES.map(([code, slug, zh, en], i) => ({
    code,
    slug,
    id: `${slug}-touchpoints`,
    title: rnd.chance(0.7) ? zh : `${zh} · ${en}`,
    description: rnd.chance(0.6) ? `${zh}，按营销、产品、服务、品牌传播整理，重要度与表现度为 1–5 分（2026 年业主满意度调研）。` : undefined,
    owner: rnd.pick(DEPARTMENTS),
    file: `touchpoints/${String(i + 1).padStart(2, '0')}-${slug}.touchpoints.yaml`,
    touchpoints: [],
  }));
  const touchpoints = [];
  const perKind = new Map();
  for (const inv of inventories) {
    for (let k = 0; k < perInventory; k++) {
      const [slug, zh, en, channel, type, phase, tags] = rnd.pick(TOUCHPOINT_KINDS);
      const n = (perKind.get(slug) ?? 0) + 1;
      perKind.set(slug, n);
      const city = rnd.pick(CITIES);
      const tp = {
        id: rnd.chance(0.04) ? `${zh.replace(/[^\u3400-\u9fff]/g, '')}-${n}` : `${slug}-${n}`,
        name: rnd.chance(0.75) ? `${city}${zh}` : `${en} (${city})`,
        description: rnd.chance(0.3) ? `${city}区域${zh}，由${rnd.pick(DEPARTMENTS)}负责日常运营。` : undefined,
        phase: rnd.chance(0.9) ? phase : rnd.pick(PHASES),
        channel: rnd.chance(0.9) ? channel : rnd.pick(CHANNELS),
        type,
        owner: rnd.chance(0.9) ? rnd.pick(DEPARTMENTS) : undefined,
        tags: rnd.chance(0.93) ? [...new Set([...tags, ...(rnd.chance(0.3) ? [rnd.pick(['vip', 'night', 'weekend', 'elderly', 'peak'])] : [])])] : [],
        importance: rnd.chance(0.85) ? rnd.decimal(1.5, 5) : undefined,
        performance: rnd.chance(0.85) ? rnd.decimal(2, 4.8) : undefined,
        standards: [],
        kindZh: zh,
        inv,
      };
      touchpoints.push(tp);
      inv.touchpoints.push(tp);
    }
  }
  // Deliberate: a touchpoint no standard can select (unique channel, phase and tag).
  const lonely = inventories[14].touchpoints[57];
  Object.assign(lonely, { id: 'fax-machine-1', name: '传真机（旧系统）', channel: 'fax', phase: 'legacy', tags: ['fax-legacy'], description: undefined });
  note('uncovered-touchpoint', lonely.inv.file);
  const selectable = touchpoints.filter((t) => t !== lonely);

  // Standards: 10 files × 100.
  const perFile = COUNTS.standards / COUNTS.standardsFiles;
  const standardFiles = STANDARD_FILES.map(([id, title, owner, dims], i) => ({
    id,
    title,
    owner,
    dimensions: dims,
    description: rnd.chance(0.5) ? `${title}：适用于全国所有在管项目，${2026 - rnd.int(0, 3)} 年修订。` : undefined,
    file: `standards/${String(i + 1).padStart(2, '0')}-${id}.standards.yaml`,
    standards: [],
  }));
  const standards = [];
  for (const sf of standardFiles) {
    const dims = sf.dimensions ?? DEFAULT_DIMENSIONS;
    for (let k = 0; k < perFile; k++) {
      const [slug, zh, req] = rnd.pick(STANDARD_KINDS);
      const tp = rnd.pick(selectable);
      const r = rnd.next();
      let appliesTo;
      if (r < 0.4) appliesTo = { touchpoints: [tp.id, ...rnd.sample(selectable, rnd.int(0, 3)).map((t) => t.id)] };
      else if (r < 0.65 && tp.tags.length) appliesTo = { tags: rnd.sample(tp.tags, rnd.int(1, Math.min(2, tp.tags.length))) };
      else if (r < 0.75) appliesTo = { channels: [tp.channel] };
      else if (r < 0.82) appliesTo = { phases: [tp.phase] };
      else if (r < 0.92) appliesTo = { channels: [tp.channel], phases: [tp.phase] };
      else appliesTo = { touchpoints: [tp.id] };
      appliesTo.touchpoints &&= [...new Set(appliesTo.touchpoints)];
      const e = rnd.next();
      const expect =
        e < 0.35
          ? { type: 'pass-fail' }
          : e < 0.75
            ? rnd.pick([
                { type: 'measure', unit: 'minutes', comparator: '<=', threshold: rnd.pick([5, 15, 30, 60]) },
                { type: 'measure', unit: 'hours', comparator: '<=', threshold: rnd.pick([2, 4, 24, 48]) },
                { type: 'measure', unit: 'rings', comparator: '<=', threshold: 3 },
                { type: 'measure', unit: 'percent', comparator: '>=', threshold: rnd.pick([90, 95, 100]) },
                { type: 'measure', unit: 'days', comparator: '<', threshold: rnd.pick([3, 7, 15]) },
                { type: 'measure', unit: 'seconds', comparator: '<=', threshold: 30 },
              ])
            : { type: 'rating', atLeast: rnd.pick(['very-satisfied', 'satisfied', 'satisfied', 'neutral']) };
      const s = {
        id: `${sf.id.split('-')[0]}-${slug}-${String(k + 1).padStart(3, '0')}`,
        title: rnd.chance(0.8) ? `${tp.kindZh}${zh}` : `${zh} (${slug.replace(/-/g, ' ')})`,
        requirement: req,
        dimension: rnd.pick(dims),
        kano: rnd.chance(0.8) ? rnd.pick(['basic', 'basic', 'performance', 'attractive']) : undefined,
        appliesTo,
        method: rnd.pick(['observation', 'mystery-shopping', 'record-review', 'survey']),
        expect,
        weight: rnd.chance(0.2) ? rnd.int(1, 5) : undefined,
        critical: rnd.chance(0.1) ? true : undefined,
        evidence: rnd.chance(0.45) ? rnd.sample(EVIDENCE, rnd.int(1, 2)) : undefined,
        tags: rnd.chance(0.1) ? [rnd.pick(['audit-2026', 'quarterly', 'vip', 'safety'])] : undefined,
        flow: rnd.chance(0.8),
        file: sf,
      };
      standards.push(s);
      sf.standards.push(s);
    }
  }
  // Deliberate: a standard that selects nothing, and one with a misspelt dimension.
  const unused = standardFiles[3].standards[41];
  unused.appliesTo = { tags: ['retired-kiosk'] };
  note('unused-standard', standardFiles[3].file);
  const misspelt = standardFiles[0].standards[17];
  misspelt.dimension = 'reliabilty';
  note('unknown-dimension', standardFiles[0].file);

  // Every other touchpoint gets a standard: those no selector reaches list one themselves.
  const applies = (s, tp) => {
    if (tp.standards.includes(s.id)) return true;
    const a = s.appliesTo;
    if (a.touchpoints?.includes(tp.id)) return true;
    if (!a.channels && !a.phases && !a.tags) return false;
    if (a.channels && !a.channels.includes(tp.channel)) return false;
    if (a.phases && !a.phases.includes(tp.phase)) return false;
    if (a.tags && !a.tags.some((t) => tp.tags.includes(t))) return false;
    return true;
  };
  const assignable = standards.filter((s) => s !== unused);
  for (const tp of selectable) {
    if (rnd.chance(0.04)) tp.standards.push(rnd.pick(assignable).id);
    if (!assignable.some((s) => applies(s, tp))) tp.standards.push(rnd.pick(assignable).id);
    tp.standards = [...new Set(tp.standards)];
  }

  // Journeys.
  const journeys = [];
  for (let j = 0; j < COUNTS.journeys; j++) {
    const area = AREAS[j % AREAS.length];
    const p = rnd.int(0, PROJECTS.length - 1);
    const city = rnd.pick(CITIES);
    const personas = rnd.sample(PERSONAS, COUNTS.personasPerJourney).map((x) => x[0]);
    const custom = rnd.chance(0.1);
    const scale = custom ? { min: 1, max: 7, neutral: 4 } : { min: -5, max: 5, neutral: 0 };
    const stageCount = rnd.int(4, 6);
    const sizes = Array.from({ length: stageCount }, () => Math.floor(COUNTS.stepsPerJourney / stageCount));
    for (let r = COUNTS.stepsPerJourney - sizes.reduce((a, b) => a + b, 0); r > 0; r--) sizes[rnd.int(0, stageCount - 1)]++;
    for (let m = 0; m < 3; m++) {
      const a = rnd.int(0, stageCount - 1);
      const b = rnd.int(0, stageCount - 1);
      if (sizes[a] > 4) (sizes[a]--, sizes[b]++);
    }
    const stageKinds = rnd.sample(STAGES, stageCount);
    const mood = {};
    const used = new Map();
    const uniqueStepId = (slug) => {
      const n = (used.get(slug) ?? 0) + 1;
      used.set(slug, n);
      return n === 1 ? slug : `${slug}-${n}`;
    };
    const stages = stageKinds.map(([sid, zh, en], si) => ({
      id: sid,
      title: rnd.chance(0.6) ? zh : rnd.chance(0.5) ? en : `${zh} · ${en}`,
      description: rnd.chance(0.1) ? `${zh}阶段：${rnd.pick(DESCRIPTIONS)}` : undefined,
      metrics: rnd.chance(0.08) ? [{ type: 'nps', value: rnd.int(-40, 60), sampleSize: rnd.int(50, 900), date: `2026-0${rnd.int(1, 9)}` }] : undefined,
      steps: Array.from({ length: sizes[si] }, () => {
        const [slug, zh2, en2] = rnd.pick(STEPS);
        const tps = rnd.sample(selectable, rnd.chance(0.85) ? 1 : 2);
        // Emotions drift from step to step (a random walk on the scale), as real curves do.
        const score = (pp) => {
          const v = Math.max(scale.min, Math.min(scale.max, (mood[pp] ?? scale.neutral) + rnd.int(-3, 3)));
          mood[pp] = v;
          return v;
        };
        const r = rnd.next();
        return {
          id: uniqueStepId(slug),
          title: r < 0.55 ? zh2 : r < 0.9 ? en2 : `${zh2} / ${en2}`,
          description: rnd.chance(0.04) ? rnd.pick(DESCRIPTIONS) : undefined,
          touchpoints: tps.map((t) => t.id),
          channel: rnd.chance(0.92) ? tps[0].channel : undefined,
          emotions: Object.fromEntries(personas.map((pp) => [pp, score(pp)])),
          emotionsFlow: rnd.chance(0.25),
          momentOfTruth: rnd.chance(0.08) ? true : undefined,
          painPoints: rnd.chance(0.1)
            ? Array.from({ length: rnd.int(1, 2) }, () =>
                rnd.chance(0.8) ? `${rnd.pick(PAIN_SUBJECTS)}${rnd.pick(PAIN_PROBLEMS)}` : `${rnd.pick(PAIN_SUBJECTS_EN)} ${rnd.pick(PAIN_PROBLEMS_EN)}`,
              )
            : undefined,
          opportunities: rnd.chance(0.05) ? rnd.sample(OPPORTUNITIES, rnd.int(1, 2)) : undefined,
          quotes: rnd.chance(0.05)
            ? Array.from({ length: rnd.int(1, 2) }, () =>
                rnd.chance(0.2) ? rnd.pick(QUOTES) : { text: rnd.pick(QUOTES), persona: rnd.pick(personas), source: rnd.chance(0.5) ? rnd.pick(QUOTE_SOURCES) : undefined },
              )
            : undefined,
          metrics: rnd.chance(0.06)
            ? [
                rnd.pick([
                  { type: 'csat', value: rnd.decimal(2, 4.8), scale: { min: 1, max: 5 }, sampleSize: rnd.int(30, 800), date: `2026-0${rnd.int(1, 9)}` },
                  { type: 'nps', value: rnd.int(-50, 70), sampleSize: rnd.int(30, 800), date: `2026-0${rnd.int(1, 9)}` },
                  { type: 'ces', value: rnd.decimal(1, 7), scale: { min: 1, max: 7 } },
                  { type: 'retention', value: rnd.decimal(60, 99) },
                ]),
              ]
            : undefined,
          evidence: rnd.chance(0.04)
            ? [{ source: rnd.pick(['survey', 'interview', 'complaints', 'observation', 'analytics']), date: `2026-0${rnd.int(1, 9)}-${String(rnd.int(1, 28)).padStart(2, '0')}`, sampleSize: rnd.int(5, 400), note: rnd.chance(0.5) ? rnd.pick(QUOTE_SOURCES) : undefined }]
            : undefined,
          blueprint: rnd.chance(0.02) ? Object.fromEntries(Object.entries(BLUEPRINT).map(([k, v]) => [k, rnd.sample(v, rnd.int(1, 2))])) : undefined,
        };
      }),
    }));
    const n = String(j + 1).padStart(4, '0');
    journeys.push({
      id: `${area.slug}-${n}`,
      title: rnd.chance(0.6) ? `${city}${PROJECTS[p]}${area.zh}旅程` : `${area.en} journey — ${PROJECTS_EN[p]}, ${city}`,
      description: rnd.chance(0.5) ? `${PROJECTS[p]}项目的${area.zh}旅程。评分来自 2026 年业主满意度调研与投诉数据。` : undefined,
      owner: rnd.chance(0.8) ? rnd.pick(DEPARTMENTS) : undefined,
      personas,
      scale: custom || rnd.chance(0.3) ? scale : undefined,
      stages,
      file: `journeys/${area.slug}/${n}-${PROJECTS_EN[p].toLowerCase().replace(/[^a-z]+/g, '-')}.journey.yaml`,
    });
  }

  // Deliberate findings in journeys.
  const stepAt = (j, s, k) => journeys[j].stages[s].steps[k];
  {
    const step = stepAt(136, 1, 2); // a typo in a touchpoint reference: "service-hotline-7" → "service-hotlin-7"
    const target = selectable.find((t) => /^[a-z]+(-[a-z]+)+-\d+$/.test(t.id) && t.id.length > 16 && !step.touchpoints.includes(t.id));
    step.touchpoints[0] = target.id.replace(/[a-z](-\d+)$/, '$1');
    note('unknown-touchpoint', journeys[136].file);
  }
  {
    const jj = journeys[419];
    const step = stepAt(419, 2, 1); // a score beyond the scale's max
    step.emotions[jj.personas[0]] = (jj.scale?.max ?? 5) + 2;
    note('score-out-of-scale', jj.file);
  }
  {
    const jj = journeys[612];
    const step = stepAt(612, 0, 3); // a persona without a score
    delete step.emotions[jj.personas[1]];
    note('missing-persona-score', jj.file);
  }
  {
    const step = stepAt(776, 3, 0); // a misspelt property
    step.painPoints ??= ['停车场晚上灯太暗'];
    step.misspeltPainPoints = true;
    note('schema', journeys[776].file);
  }
  {
    const steps = journeys[900].stages[1].steps; // two steps with one ID
    steps[1].id = steps[0].id;
    note('duplicate-id', journeys[900].file);
    note('duplicate-id', journeys[900].file);
  }

  return { inventories, standardFiles, journeys, expected };
}

// ─── Serialisation ─────────────────────────────────────────────────────────────────────────

function writeConfig() {
  return [
    '# 物业集团客户体验工作区 · Peakend benchmark workspace (generated by bench/generate.mjs)',
    'peakend: 1',
    'kind: config',
    'scale: { min: -5, max: 5, neutral: 0 }',
    'exclude: [drafts/**]',
    'checklists:',
    '  dir: audits',
    // The random emotion curves would draw thousands of peak-end judgements: the bench measures
    // validation, and its planted findings are the only ones expected.
    'rules:',
    ...['weak-ending', 'unrecovered-trough', 'no-positive-peak', 'negative-moment-of-truth', 'persona-gap', 'unevidenced-extreme'].map((id) => `  ${id}: off`),
    '',
  ].join('\n');
}

function writePersonas() {
  const out = ['peakend: 1', 'kind: personas', 'personas:'];
  for (const [id, name, description, segment] of PERSONAS) {
    out.push(`  - id: ${id}`, `    name: ${scalar(name)}`, `    description: ${scalar(description)}`, `    segment: ${scalar(segment)}`);
  }
  return out.join('\n') + '\n';
}

function writeInventory(inv) {
  const out = ['peakend: 1', 'kind: touchpoints', `id: ${inv.id}`, `title: ${scalar(inv.title)}`];
  if (inv.description) out.push(`description: ${scalar(inv.description)}`);
  out.push(`owner: ${scalar(inv.owner)}`, 'touchpoints:');
  let lastPhase;
  const order = new Map(PHASES.map((p, i) => [p, i]));
  const sorted = inv.touchpoints.slice().sort((a, b) => (order.get(a.phase) ?? 99) - (order.get(b.phase) ?? 99));
  for (const t of sorted) {
    if (t.phase !== lastPhase) out.push(`  # ── ${t.phase} ──`);
    lastPhase = t.phase;
    out.push(`  - id: ${t.id}`, `    name: ${scalar(t.name)}`);
    if (t.description) out.push(`    description: ${scalar(t.description)}`);
    out.push(`    phase: ${t.phase}`, `    channel: ${t.channel}`, `    type: ${t.type}`);
    if (t.owner) out.push(`    owner: ${scalar(t.owner)}`);
    if (t.tags.length) out.push(`    tags: ${flowList(t.tags)}`);
    if (t.importance !== undefined) out.push(`    importance: ${t.importance}`);
    if (t.performance !== undefined) out.push(`    performance: ${t.performance}`);
    if (t.standards.length) out.push(`    standards: ${flowList(t.standards)}`);
  }
  return out.join('\n') + '\n';
}

function flowMap(obj) {
  const value = (v) =>
    Array.isArray(v) ? flowList(v) : typeof v === 'object' ? flowMap(v) : typeof v === 'string' ? (/^[<>=]/.test(v) || /[,[\]{}]/.test(v) ? JSON.stringify(v) : scalar(v)) : v;
  return `{ ${Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(', ')} }`;
}

function blockMap(obj, indent) {
  return Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${indent}${k}: ${Array.isArray(v) ? flowList(v) : typeof v === 'string' ? (/^[<>=]/.test(v) ? `'${v}'` : scalar(v)) : v}`);
}

function writeStandards(sf) {
  const out = ['peakend: 1', 'kind: standards', `id: ${sf.id}`, `title: ${scalar(sf.title)}`];
  if (sf.description) out.push(`description: ${scalar(sf.description)}`);
  out.push(`owner: ${scalar(sf.owner)}`);
  if (sf.dimensions) out.push(`dimensions: ${flowList(sf.dimensions)}`);
  out.push('standards:');
  for (const s of sf.standards) {
    out.push(`  - id: ${s.id}`, `    title: ${scalar(s.title)}`, `    requirement: ${scalar(s.requirement)}`, `    dimension: ${s.dimension}`);
    if (s.kano) out.push(`    kano: ${s.kano}`);
    if (s.flow) out.push(`    appliesTo: ${flowMap(s.appliesTo)}`);
    else out.push('    appliesTo:', ...blockMap(s.appliesTo, '      '));
    out.push(`    method: ${s.method}`);
    if (s.flow) out.push(`    expect: ${flowMap(s.expect)}`);
    else out.push('    expect:', ...blockMap(s.expect, '      '));
    if (s.weight !== undefined) out.push(`    weight: ${s.weight}`);
    if (s.critical) out.push('    critical: true');
    if (s.evidence) out.push(`    evidence: ${flowList(s.evidence)}`);
    if (s.tags) out.push(`    tags: ${flowList(s.tags)}`);
  }
  return out.join('\n') + '\n';
}

function writeJourney(j) {
  const out = ['peakend: 1', 'kind: journey', `id: ${j.id}`, `title: ${scalar(j.title)}`];
  if (j.description) out.push(`description: ${scalar(j.description)}`);
  if (j.owner) out.push(`owner: ${scalar(j.owner)}`);
  out.push(`personas: ${flowList(j.personas)}`);
  if (j.scale) out.push(`scale: ${flowMap(j.scale)}`);
  out.push('stages:');
  for (const st of j.stages) {
    out.push(`  - id: ${st.id}`, `    title: ${scalar(st.title)}`);
    if (st.description) out.push(`    description: ${scalar(st.description)}`);
    if (st.metrics) out.push('    metrics:', ...st.metrics.map((m) => `      - ${flowMap(m)}`));
    out.push('    steps:');
    for (const s of st.steps) {
      const i = '        ';
      out.push(`      - id: ${s.id}`, `${i}title: ${scalar(s.title)}`);
      if (s.description) out.push(`${i}description: ${scalar(s.description)}`);
      out.push(`${i}touchpoints: ${flowList(s.touchpoints)}`);
      if (s.channel) out.push(`${i}channel: ${s.channel}`);
      if (s.emotionsFlow) out.push(`${i}emotions: ${flowMap(s.emotions)}`);
      else out.push(`${i}emotions:`, ...Object.entries(s.emotions).map(([k, v]) => `${i}  ${k}: ${v}`));
      if (s.momentOfTruth) out.push(`${i}momentOfTruth: true`);
      if (s.painPoints) out.push(`${i}${s.misspeltPainPoints ? 'painPoint' : 'painPoints'}:`, ...s.painPoints.map((p) => `${i}  - ${scalar(p)}`));
      if (s.opportunities) out.push(`${i}opportunities:`, ...s.opportunities.map((p) => `${i}  - ${scalar(p)}`));
      if (s.quotes) {
        out.push(`${i}quotes:`);
        for (const q of s.quotes) {
          if (typeof q === 'string') out.push(`${i}  - ${scalar(q)}`);
          else {
            out.push(`${i}  - text: ${scalar(q.text)}`, `${i}    persona: ${q.persona}`);
            if (q.source) out.push(`${i}    source: ${scalar(q.source)}`);
          }
        }
      }
      if (s.evidence) out.push(`${i}evidence:`, ...s.evidence.map((e) => `${i}  - ${flowMap(e)}`));
      if (s.blueprint) out.push(`${i}blueprint:`, ...Object.entries(s.blueprint).map(([k, v]) => `${i}  ${k}: ${flowList(v.map(scalar))}`));
      if (s.metrics) out.push(`${i}metrics:`, ...s.metrics.map((m) => `${i}  - ${flowMap(m)}`));
    }
  }
  return out.join('\n') + '\n';
}

// ─── Main ──────────────────────────────────────────────────────────────────────────────────

/** Generates the workspace unless `out` already holds one of this generator version. Returns the manifest. */
export function generate({ out = DEFAULT_OUT, force = false, log = console.error } = {}) {
  const marker = join(out, MARKER);
  if (!force && existsSync(marker) && readFileSync(marker, 'utf8').trim() === GENERATOR_VERSION && existsSync(join(out, MANIFEST))) {
    log(`bench: workspace up to date (${GENERATOR_VERSION}) in ${relative(process.cwd(), out) || '.'}`);
    return JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
  }
  const t0 = performance.now();
  rmSync(out, { recursive: true, force: true });
  const model = buildModel();
  const files = [];
  const write = (rel, text) => {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    files.push({ rel, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1 });
  };
  write('peakend.yaml', writeConfig());
  write('personas/owners.personas.yaml', writePersonas());
  for (const inv of model.inventories) write(inv.file, writeInventory(inv));
  for (const sf of model.standardFiles) write(sf.file, writeStandards(sf));
  for (const j of model.journeys) write(j.file, writeJourney(j));

  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  const byKind = {};
  for (const f of files) {
    const kind = /\.(journey|touchpoints|standards|personas)\.yaml$/.exec(f.rel)?.[1] ?? 'config';
    const k = (byKind[kind] ??= { files: 0, bytes: 0, lines: 0 });
    k.files++;
    k.bytes += f.bytes;
    k.lines += f.lines;
  }
  const expectedFindings = Object.fromEntries(Object.entries(model.expected).map(([rule, where]) => [rule, where.length]));
  const manifest = {
    generator: GENERATOR_VERSION,
    seed: SEED,
    counts: COUNTS,
    files: files.length,
    bytes: sum('bytes'),
    lines: sum('lines'),
    byKind,
    expectedFindings,
    expectedFindingFiles: model.expected,
  };
  writeFileSync(join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(marker, GENERATOR_VERSION + '\n'); // last: a half-written workspace is regenerated
  log(
    `bench: generated ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.lines.toLocaleString('en')} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const manifest = generate({ force: args.includes('--force'), out: outIdx >= 0 ? args[outIdx + 1] : DEFAULT_OUT });
  console.log(JSON.stringify({ files: manifest.files, bytes: manifest.bytes, lines: manifest.lines, byKind: manifest.byKind, expectedFindings: manifest.expectedFindings }, null, 2));
}
