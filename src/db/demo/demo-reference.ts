/**
 * Reference material for the demo complaints: channels, business lines, categories, products,
 * people and places. Plain data; demo-complaints.ts draws from it with a seeded generator.
 */

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** Channel mix of the demo data (shares of all complaints). */
export const CHANNEL_MIX: Weighted<string> = [
  ['hotline', 40],
  ['app', 15],
  ['web', 12],
  ['branch', 15],
  ['letter', 5],
  ['email', 8],
  ['regulator_referral', 5],
];

export const BUSINESS_LINE_MIX: Weighted<string> = [
  ['life', 17],
  ['health', 17],
  ['property_casualty', 20],
  ['brokerage', 21],
  ['investment_advisory', 8],
  ['margin_financing', 8],
  ['asset_management', 9],
];

export const INSURANCE_LINES: ReadonlySet<string> = new Set(['life', 'health', 'property_casualty']);

/** Categories that fit each business line, weighted by how often they come up. */
export const CATEGORY_MIX: Readonly<Record<string, Weighted<string>>> = {
  life: [
    ['product_sales', 22],
    ['underwriting', 8],
    ['claims_dispute', 18],
    ['surrender_refund', 18],
    ['premiums_fees', 9],
    ['policy_account_service', 11],
    ['personal_data', 4],
    ['marketing_harassment', 6],
    ['other', 4],
  ],
  health: [
    ['product_sales', 14],
    ['underwriting', 12],
    ['claims_dispute', 32],
    ['surrender_refund', 8],
    ['premiums_fees', 10],
    ['policy_account_service', 9],
    ['personal_data', 4],
    ['marketing_harassment', 6],
    ['other', 5],
  ],
  property_casualty: [
    ['product_sales', 6],
    ['underwriting', 9],
    ['claims_dispute', 44],
    ['surrender_refund', 7],
    ['premiums_fees', 11],
    ['policy_account_service', 9],
    ['personal_data', 4],
    ['marketing_harassment', 6],
    ['other', 4],
  ],
  brokerage: [
    ['securities_trading', 22],
    ['account_opening_closing', 16],
    ['commissions_fees', 18],
    ['system_outage', 18],
    ['information_disclosure', 6],
    ['personal_data', 5],
    ['marketing_harassment', 9],
    ['other', 6],
  ],
  investment_advisory: [
    ['investment_advice', 45],
    ['commissions_fees', 20],
    ['information_disclosure', 8],
    ['marketing_harassment', 15],
    ['personal_data', 5],
    ['other', 7],
  ],
  margin_financing: [
    ['securities_trading', 38],
    ['commissions_fees', 20],
    ['information_disclosure', 12],
    ['system_outage', 12],
    ['account_opening_closing', 10],
    ['other', 8],
  ],
  asset_management: [
    ['product_sales', 34],
    ['information_disclosure', 24],
    ['commissions_fees', 14],
    ['investment_advice', 10],
    ['personal_data', 5],
    ['marketing_harassment', 6],
    ['other', 7],
  ],
};

/** Products of each line, used when a template names none of its own. */
export const PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  life: ['安心福终身寿险', '金玉满堂年金保险', '鑫享人生两全保险', '福寿康宁增额终身寿险', '守护者定期寿险'],
  health: ['百万医疗险2025版', '康乐无忧重大疾病保险', '安康防癌医疗保险', '小额门诊医疗险', '惠享团体医疗保险'],
  property_casualty: ['家用车商业险', '机动车交强险', '家庭财产综合险', '企业财产一切险', '个人意外伤害险'],
  brokerage: ['普通证券账户', '智赢APP交易终端', '港股通交易', '科创板交易权限', '场内基金交易'],
  investment_advisory: ['智能投顾组合A', '金牌投顾服务包', '基金投顾稳健组合', '股票池会员服务'],
  margin_financing: ['融资融券账户', '两融信用账户', '融券卖出业务'],
  asset_management: ['稳健理财1号', '集合资产管理计划优选3号', '现金增利宝', '固收增强精选2号', '量化对冲1期'],
};

/** Categories a stated amount rarely fits: they take the "no amount" share first, higher first. */
export const NO_AMOUNT_CATEGORIES: ReadonlyMap<string, number> = new Map([
  ['marketing_harassment', 2],
  ['personal_data', 2],
  ['account_opening_closing', 1],
  ['information_disclosure', 1],
  ['other', 1],
]);

/** How large the amounts of a category tend to be (higher takes the larger amounts first). */
export const AMOUNT_SCALE: Readonly<Record<string, number>> = {
  claims_dispute: 3,
  securities_trading: 3,
  product_sales: 2.6,
  system_outage: 2.4,
  investment_advice: 2.2,
  surrender_refund: 2,
  underwriting: 1.5,
  information_disclosure: 1.4,
  commissions_fees: 1.2,
  premiums_fees: 1,
  policy_account_service: 0.8,
  account_opening_closing: 0.6,
  other: 0.5,
  personal_data: 0.3,
  marketing_harassment: 0.2,
};

/** Parties complained about, by category; {姓} becomes a surname. */
export const SUBJECT_PARTIES: Readonly<Record<string, readonly string[]>> = {
  product_sales: ['保险代理人{姓}某', '客户经理{姓}某', '银行网点理财经理{姓}某', '电话销售坐席'],
  underwriting: ['核保部门', '核保专员{姓}某', '保险代理人{姓}某'],
  claims_dispute: ['理赔专员{姓}某', '定损员{姓}某', '第三方合作修理厂', '公估公司查勘员{姓}某'],
  surrender_refund: ['柜面人员{姓}某', '保险代理人{姓}某', '客服坐席{姓}某'],
  premiums_fees: ['收付费中心', '客服坐席{姓}某'],
  policy_account_service: ['柜面人员{姓}某', '客服坐席{姓}某', '保全部门'],
  securities_trading: ['客户经理{姓}某', '风控部门', '两融业务部'],
  account_opening_closing: ['柜面人员{姓}某', '营业部运营主管{姓}某'],
  commissions_fees: ['客户经理{姓}某', '营业部运营主管{姓}某'],
  investment_advice: ['投资顾问{姓}某', '客户经理{姓}某'],
  information_disclosure: ['资产管理部', '客户经理{姓}某'],
  system_outage: ['信息技术部', '交易系统供应商'],
  personal_data: ['柜面人员{姓}某', '外包电销公司', '客户经理{姓}某'],
  marketing_harassment: ['电话销售坐席', '外包电销公司', '客户经理{姓}某'],
  other: ['客服坐席{姓}某', '柜面人员{姓}某'],
};

/** Who sold or advised, as the texts name them. */
export const SELLERS_INSURANCE = ['业务员', '代理人', '银行网点理财经理', '电话销售人员'] as const;
export const SELLERS_SECURITIES = ['客户经理', '投资顾问', '理财经理'] as const;

/** [surname, pinyin] */
export const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['高', 'gao'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['潘', 'pan'],
  ['袁', 'yuan'],
  ['蔡', 'cai'],
  ['蒋', 'jiang'],
  ['余', 'yu'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['魏', 'wei'],
  ['苏', 'su'],
  ['吕', 'lv'],
  ['丁', 'ding'],
  ['沈', 'shen'],
  ['任', 'ren'],
  ['姚', 'yao'],
  ['欧阳', 'ouyang'],
];

/** [given name, pinyin] */
export const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['建国', 'jianguo'],
  ['秀英', 'xiuying'],
  ['志强', 'zhiqiang'],
  ['丽娟', 'lijuan'],
  ['海燕', 'haiyan'],
  ['俊杰', 'junjie'],
  ['婷婷', 'tingting'],
  ['浩然', 'haoran'],
  ['思远', 'siyuan'],
  ['雨欣', 'yuxin'],
  ['文博', 'wenbo'],
  ['佳怡', 'jiayi'],
  ['子涵', 'zihan'],
  ['明辉', 'minghui'],
  ['晓燕', 'xiaoyan'],
  ['国华', 'guohua'],
  ['玉兰', 'yulan'],
  ['志明', 'zhiming'],
  ['春梅', 'chunmei'],
  ['宇航', 'yuhang'],
  ['欣怡', 'xinyi'],
  ['建华', 'jianhua'],
  ['淑珍', 'shuzhen'],
  ['立新', 'lixin'],
  ['凤英', 'fengying'],
  ['振华', 'zhenhua'],
  ['美玲', 'meiling'],
  ['德明', 'deming'],
  ['桂芳', 'guifang'],
  ['嘉豪', 'jiahao'],
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['军', 'jun'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['超', 'chao'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['鹏', 'peng'],
  ['慧', 'hui'],
  ['琳', 'lin'],
  ['斌', 'bin'],
  ['颖', 'ying'],
];

export const EMAIL_DOMAINS = ['qq.com', '163.com', '126.com', 'sina.com', 'outlook.com', 'foxmail.com', 'gmail.com'] as const;

/** Mainland mobile prefixes (three digits; eight more follow). */
export const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

export interface City {
  /** as addresses spell it */
  name: string;
  /** first six digits of a resident ID issued there */
  idRegion: string;
  branches: readonly string[];
  districts: ReadonlyArray<readonly [string, readonly string[]]>;
}

export const CITIES: readonly City[] = [
  {
    name: '上海市',
    idRegion: '310115',
    branches: ['上海浦东营业部', '上海徐汇营业部'],
    districts: [
      ['浦东新区', ['世纪大道', '张杨路', '锦绣路']],
      ['徐汇区', ['漕溪北路', '龙华中路']],
      ['闵行区', ['七莘路', '莘庄路']],
    ],
  },
  {
    name: '北京市',
    idRegion: '110105',
    branches: ['北京朝阳营业部', '北京海淀营业部'],
    districts: [
      ['朝阳区', ['建国路', '望京街', '朝阳北路']],
      ['海淀区', ['中关村大街', '学院路']],
      ['丰台区', ['丰台北路']],
    ],
  },
  {
    name: '广州市',
    idRegion: '440106',
    branches: ['广州天河营业部'],
    districts: [
      ['天河区', ['天河路', '体育西路', '黄埔大道西']],
      ['越秀区', ['东风中路', '环市东路']],
    ],
  },
  {
    name: '深圳市',
    idRegion: '440304',
    branches: ['深圳福田营业部', '深圳南山营业部'],
    districts: [
      ['福田区', ['深南大道', '福华一路', '益田路']],
      ['南山区', ['科技园路', '南海大道']],
    ],
  },
  {
    name: '杭州市',
    idRegion: '330106',
    branches: ['杭州西湖营业部'],
    districts: [
      ['西湖区', ['文三路', '天目山路']],
      ['拱墅区', ['莫干山路', '湖墅南路']],
    ],
  },
  {
    name: '成都市',
    idRegion: '510107',
    branches: ['成都高新营业部'],
    districts: [
      ['武侯区', ['天府大道北段', '人民南路四段']],
      ['锦江区', ['春熙路', '东大街']],
    ],
  },
  {
    name: '南京市',
    idRegion: '320106',
    branches: ['南京鼓楼营业部'],
    districts: [
      ['鼓楼区', ['中山北路', '湖南路']],
      ['建邺区', ['江东中路', '应天大街']],
    ],
  },
  {
    name: '武汉市',
    idRegion: '420111',
    branches: ['武汉洪山营业部'],
    districts: [
      ['洪山区', ['珞喻路', '雄楚大道']],
      ['江汉区', ['解放大道', '建设大道']],
    ],
  },
];

/** Shares of the city a complainant lives in (Shanghai, Beijing, Guangzhou and Shenzhen lead). */
export const CITY_WEIGHTS: readonly number[] = [22, 18, 13, 14, 10, 9, 7, 7];
