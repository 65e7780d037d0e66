/**
 * Text material for the demo complaints: description templates per category, the sentences that
 * carry level-1 / level-2 signals, requested remedies and grading reasons. The plain templates
 * avoid every grading keyword of the default policy (demo-complaints.test.ts checks that), so
 * only the signal sentences raise a level through the text.
 */

/** What a template may refer to. `I` is 我 in the complainant's own words, 客户 in an agent's note. */
export interface TextContext {
  I: string;
  my: string;
  /** product, or a template's own product */
  product: string;
  /** e.g. '12800元', '1.5万元'; null when no amount is stated */
  amount: string | null;
  /** a date shortly before receipt, e.g. '11月3日' */
  date: string;
  /** a whole number of days, 5..40 */
  days: number;
  /** who sold or advised: 业务员, 客户经理… */
  seller: string;
  /** where the complainant is served: a branch name or 营业网点 */
  place: string;
}

export interface Template {
  /** business lines it fits; all lines of its category when absent */
  lines?: readonly string[];
  /** products it is about, instead of the line's own */
  products?: readonly string[];
  /** how large its amounts tend to be, instead of its category's (demo-reference.ts AMOUNT_SCALE) */
  scale?: number;
  text: (c: TextContext) => string;
}

const LIFE = ['life'] as const;
const HEALTH = ['health'] as const;
const PERSONAL_INS = ['life', 'health'] as const;
const PC = ['property_casualty'] as const;
const CAR = ['家用车商业险', '机动车交强险'] as const;
const HOME = ['家庭财产综合险'] as const;
const TRADING = ['智赢APP交易终端', '网上交易系统'] as const;

/** ', 涉及金额12800元' or '' */
const amt = (c: TextContext, lead: string, tail = ''): string => (c.amount ? `${lead}${c.amount}${tail}` : '');

export const TEMPLATES: Readonly<Record<string, readonly Template[]>> = {
  product_sales: [
    {
      lines: PERSONAL_INS,
      text: (c) =>
        `${c.I}于${c.date}经${c.seller}推荐购买了${c.product}，当时对方称“保本并且年化收益不低于4.5%”，现在才发现分红并不确定，销售人员夸大收益，属于销售误导。`,
    },
    {
      lines: ['life', 'health', 'property_casualty'],
      text: (c) =>
        `${c.seller}向${c.I}推销${c.product}时只讲保障范围，没有说明等待期和免责条款，也没有让${c.I}本人抄录风险提示，投保单上的签名不是${c.I}本人签的。`,
    },
    {
      lines: HEALTH,
      text: (c) =>
        `${c.I}购买${c.product}时销售人员口头承诺“既往症也能赔”，投保后住院申请理赔才被告知不在保障范围内，要求调取销售过程的录音录像核实。`,
    },
    {
      lines: PERSONAL_INS,
      text: (c) =>
        `${c.seller}以“产品马上停售、最后一天优惠”为由催促${c.I}当场签约${c.product}，犹豫期内${c.I}多次联系退保均被推诿${amt(c, '，已交保费')}。`,
    },
    {
      lines: ['asset_management'],
      scale: 4.5,
      text: (c) =>
        `${c.I}在${c.place}经${c.seller}推荐购买了${c.product}，对方称“稳赚不赔、随时可取”，但产品风险等级为R3，高于${c.my}风险测评结果${amt(c, '，目前已亏损')}。`,
    },
    {
      lines: ['asset_management'],
      scale: 4.5,
      text: (c) =>
        `${c.seller}把${c.product}说成和银行定期存款一样安全，${c.I}年纪大了只想保本，现在到期赎回才发现本金亏损${c.amount ?? '不少'}，当初根本没有讲清楚风险。`,
    },
  ],
  underwriting: [
    {
      lines: PERSONAL_INS,
      text: (c) =>
        `${c.I}为家人投保${c.product}，已如实告知体检结果，核保却拖了一个多月才有结论，最后以“体检指标异常”为由拒保，也没有给出具体依据。`,
    },
    {
      lines: ['health', 'property_casualty'],
      text: (c) =>
        `${c.I}的${c.product}续保时被告知需要加费${c.amount ?? '两成'}，理由是去年有过一次出险记录，但条款中并没有相关约定，核保标准不透明。`,
    },
    {
      lines: PERSONAL_INS,
      text: (c) =>
        `投保${c.product}时${c.seller}说甲状腺结节不用告知，现在公司以未如实告知为由要求解除合同，${c.I}不能接受，责任应当在销售人员。`,
    },
    {
      lines: PC,
      products: CAR,
      text: (c) => `${c.I}名下车辆投保${c.product}时，系统显示车辆风险等级高被拒保，只能单独投保交强险，询问原因客服也解释不清。`,
    },
  ],
  claims_dispute: [
    {
      lines: LIFE,
      scale: 6,
      text: (c) =>
        `${c.my}父亲于${c.date}因病去世，${c.I}作为受益人申请${c.product}身故理赔，材料已全部提交两个多月，公司仍以“需要进一步调查”为由没有赔付${amt(c, '，保额')}。`,
    },
    {
      lines: HEALTH,
      scale: 2.5,
      text: (c) =>
        `${c.I}因急性阑尾炎住院手术${amt(c, '，花费')}，向${c.product}申请理赔被拒，理由是投保前已有相关症状，但${c.I}投保前从未因此就诊，理赔被拒没有道理。`,
    },
    {
      lines: HEALTH,
      text: (c) => `${c.I}确诊甲状腺恶性肿瘤后申请${c.product}重疾理赔，公司认定为轻症只赔付三成，和投保时${c.seller}的说法完全不一致。`,
    },
    {
      lines: PC,
      products: CAR,
      scale: 1.5,
      text: (c) =>
        `${c.date}${c.my}车辆在小区内被剐蹭，按${c.product}报案后，定损员给出的定损金额只有${c.amount ?? '几千元'}，而4S店维修报价高出一倍多，定损金额明显不符。`,
    },
    {
      lines: PC,
      products: CAR,
      text: (c) =>
        `${c.I}的车辆按${c.product}送到合作修理厂维修，理赔款迟迟不到账，修理厂不肯放车，${c.I}多次催促理赔专员，一直没有明确答复。`,
    },
    {
      lines: PC,
      products: HOME,
      scale: 3.5,
      text: (c) =>
        `${c.date}家中水管爆裂被淹，${c.I}按${c.product}报案，查勘员拖了一周才上门，最后以“管道自然老化”为由拒赔${amt(c, '，实际损失约')}。`,
    },
    {
      lines: PERSONAL_INS,
      text: (c) => `${c.I}提交${c.product}理赔申请已经${c.days}天，每次询问都说材料还需要补充，前后补了三次材料，理赔时效严重超期。`,
    },
  ],
  surrender_refund: [
    {
      lines: PERSONAL_INS,
      text: (c) =>
        `${c.I}申请退保${c.product}，现金价值只有${c.amount ?? '很少一部分'}，不到已交保费的一半，${c.seller}之前从未提醒过退保损失这么大，退保手续费过高。`,
    },
    {
      lines: PERSONAL_INS,
      text: (c) => `${c.I}在犹豫期内就提交了${c.product}退保申请，到现在已经${c.days}天还没有退回保费${amt(c, '')}，客服一直说在流程中。`,
    },
    { text: (c) => `${c.I}申请解除${c.product}，对方要求必须本人到柜面办理，${c.I}常年在外地工作无法前往，要求提供线上退保渠道。` },
    {
      lines: PC,
      products: CAR,
      text: (c) =>
        `${c.I}的车辆已经过户，申请${c.product}退保，按短期费率计算${amt(c, '只退了', '，')}和预期相差太大，业务员投保时也没有说明。`,
    },
  ],
  premiums_fees: [
    { text: (c) => `${c.my}${c.product}保费被银行卡重复扣款两次${amt(c, '，多扣了')}，联系客服说要等下个月才能退回，${c.I}不能接受。` },
    {
      lines: PERSONAL_INS,
      text: (c) => `${c.I}的${c.product}今年续期保费比去年上涨了近三成，事先没有任何通知，询问后才说是年龄档位变化。`,
    },
    {
      lines: PC,
      products: CAR,
      text: (c) => `${c.I}今年续保${c.product}，保费比去年上涨了不少，车辆去年并没有出险，询问原因${c.seller}只说是系统定价。`,
    },
    { text: (c) => `${c.I}已经在${c.date}取消了自动续保，${c.product}仍然从${c.my}账户扣款${c.amount ?? ''}，要求退还并说明原因。` },
  ],
  policy_account_service: [
    {
      lines: PERSONAL_INS,
      text: (c) => `${c.I}申请变更${c.product}的受益人，${c.place}每次要求的材料都不一样，前后跑了三趟还没有办好，浪费了大量时间。`,
    },
    { text: (c) => `${c.I}在APP上修改${c.product}的缴费银行卡一直提示失败，拨打客服热线排队四十分钟也无人接听。` },
    {
      lines: LIFE,
      text: (c) => `${c.I}在${c.date}申请了${c.product}保单贷款，一周多没有任何进展，${c.I}急需资金周转，客服只说已经加急处理。`,
    },
    {
      lines: PC,
      products: CAR,
      text: (c) => `${c.I}申请批改${c.product}的车牌号信息，提交资料已经${c.days}天仍未生效，影响正常用车，多次催问也没有答复。`,
    },
    { text: (c) => `${c.I}申请补发${c.product}的纸质保单，等了${c.days}天仍未收到，询问${c.place}也查不到进度，一直没有人主动联系。` },
  ],
  securities_trading: [
    {
      lines: ['brokerage'],
      products: [...TRADING, '港股通交易'],
      text: (c) =>
        `${c.I}${c.date}挂的限价买单在${c.product}中已显示成交，但次日持仓中查不到该笔股票，资金也被冻结，客服说要核查，至今没有结果。`,
    },
    {
      lines: ['brokerage'],
      products: TRADING,
      scale: 1,
      text: (c) => `${c.I}通过${c.product}申购的新股中签后，系统没有任何缴款提醒，导致弃购并被记录一次违约，要求公司说明原因。`,
    },
    {
      lines: ['brokerage'],
      text: (c) =>
        `${c.I}在${c.date}早盘提交的卖出委托被系统以“超出涨跌幅限制”退回，但价格明明在范围内，错过卖出时机${amt(c, '，损失约')}。`,
    },
    {
      lines: ['margin_financing'],
      scale: 5,
      text: (c) =>
        `${c.I}的两融账户维持担保比例跌破130%后，公司未提前通知就在${c.date}开盘直接强平，卖出价格远低于当日均价${amt(c, '，损失')}。两融强平未提前通知，${c.I}不认可。`,
    },
    {
      lines: ['margin_financing'],
      scale: 5,
      text: (c) => `${c.I}收到追加担保品通知后当天下午就转入了资金，但次日仍被强制平仓${amt(c, '，造成损失')}，要求公司说明依据并赔偿。`,
    },
  ],
  account_opening_closing: [
    {
      lines: ['brokerage'],
      text: (c) => `${c.I}申请销户已经${c.days}天，${c.place}一直以“需要经理审批”为由拖延，要求尽快办理销户并转出资金。`,
    },
    {
      lines: ['brokerage'],
      products: ['智赢APP交易终端'],
      text: (c) => `${c.I}在${c.product}上线上开户，视频见证反复失败，客服让${c.I}去营业部办理，但附近根本没有网点。`,
    },
    {
      lines: ['brokerage'],
      products: ['科创板交易权限', '创业板交易权限'],
      text: (c) => `${c.I}申请开通${c.product}，资产和交易经验都已满足要求，系统却一直显示“审核中”，耽误了交易。`,
    },
    {
      lines: ['margin_financing'],
      text: (c) => `${c.I}已经还清全部负债并申请注销${c.product}，十多天了账户仍未注销，期间还在计收费用，客服也说不清原因。`,
    },
  ],
  commissions_fees: [
    {
      lines: ['brokerage'],
      text: (c) => `${c.I}开户时${c.seller}承诺佣金万分之1.5，但对账单显示实际按万分之三收取${amt(c, '，一年多收了')}，要求退还差额。`,
    },
    {
      lines: ['margin_financing'],
      scale: 2.5,
      text: (c) => `${c.I}的融资利率从6.0%被调整到7.2%，事先没有任何告知，客户经理也没有解释原因${amt(c, '，要求退还多收的利息')}。`,
    },
    {
      lines: ['investment_advisory'],
      text: (c) => `${c.I}购买了${c.product}${amt(c, '，服务费')}，服务期内投资顾问几乎不回复消息，要求退还剩余服务期的费用。`,
    },
    {
      lines: ['brokerage', 'asset_management'],
      text: (c) => `对账单中出现一笔不明的“服务费”扣款${c.amount ?? ''}，${c.I}从未签过相关协议，询问${c.place}也说不清楚。`,
    },
    {
      lines: ['asset_management'],
      text: (c) => `${c.product}赎回时被收取了业绩报酬和赎回费，但购买时${c.seller}说持有满一年免赎回费，实际扣费${c.amount ?? '不少'}。`,
    },
  ],
  investment_advice: [
    {
      lines: ['investment_advisory'],
      scale: 3,
      text: (c) => `${c.I}付费订阅了${c.product}，投资顾问推荐的几只股票全部亏损${amt(c, '，共亏损')}，宣传时说“准确率90%以上”，明显夸大。`,
    },
    {
      lines: ['investment_advisory', 'asset_management'],
      text: (c) => `${c.seller}在微信上直接给${c.I}推荐个股并承诺收益，${c.I}按照建议操作后亏损${c.amount ?? '严重'}，认为其行为违规。`,
    },
    {
      lines: ['investment_advisory'],
      text: (c) => `${c.product}的调仓建议总是滞后，信号发出时股价已经涨过，${c.I}对这项服务的专业性有很大疑问。`,
    },
    {
      lines: ['investment_advisory'],
      text: (c) => `${c.seller}未核实${c.my}风险承受能力就推荐高风险的${c.product}，${c.I}是保守型投资者，要求退还服务费。`,
    },
  ],
  information_disclosure: [
    {
      lines: ['asset_management'],
      text: (c) => `${c.product}的季度报告一直没有按时披露，${c.I}无法了解持仓和净值变化，询问客服也得不到答复。`,
    },
    {
      lines: ['asset_management'],
      text: (c) => `${c.product}宣传的业绩比较基准为年化4%，实际收益远低于此，产品说明书对风险的揭示也非常含糊。`,
    },
    {
      lines: ['margin_financing'],
      text: (c) => `公司调整两融标的和担保品折算率时没有提前公告，${c.my}维持担保比例因此突然下降，${c.I}来不及应对。`,
    },
    {
      lines: ['investment_advisory'],
      text: (c) => `${c.product}的服务协议对收费方式和风险的说明非常含糊，投资顾问的资质信息也查不到，${c.I}要求公司说明。`,
    },
    {
      lines: ['brokerage'],
      products: TRADING,
      text: (c) => `${c.I}在${c.product}中看到的费用说明与对账单不一致，公司对收费构成和风险提示的说明都不清楚。`,
    },
  ],
  system_outage: [
    {
      lines: ['brokerage'],
      products: TRADING,
      scale: 4,
      text: (c) =>
        `${c.date}上午开盘后${c.product}一直登录不上，显示“网络异常”，交易系统卡顿导致无法卖出，当天该股跌停${amt(c, '，损失约')}。`,
    },
    {
      lines: ['brokerage'],
      products: TRADING,
      text: (c) => `${c.I}在${c.product}提交撤单后系统显示成功，实际并未撤销，最终以不利价格成交，要求公司核查日志。`,
    },
    {
      lines: ['brokerage', 'margin_financing'],
      text: (c) => `${c.date}下午行情波动剧烈时交易系统卡顿将近半小时，委托一直处于“待报”状态，要求公司说明原因并赔偿损失。`,
    },
  ],
  personal_data: [
    {
      text: (c) =>
        `${c.I}刚办理完${c.product}，第二天就接到多个陌生贷款和理财推销电话，对方能准确说出${c.my}姓名和购买的产品，怀疑个人信息泄露。`,
    },
    { text: (c) => `${c.I}在${c.place}办理业务时，工作人员把${c.my}身份证复印件随意放在柜台上，还用私人手机拍照，${c.I}担心信息被泄露。` },
    { text: (c) => `${c.I}已经注销了账户，公司却仍在给${c.I}发送营销短信，要求删除${c.my}个人信息并说明信息用途。` },
    {
      lines: ['life', 'health', 'property_casualty'],
      text: (c) => `${c.I}收到的电子保单邮件中附带了其他客户的姓名和证件号码，公司的个人信息保护存在严重漏洞。`,
    },
  ],
  marketing_harassment: [
    { text: () => '最近一个月几乎每天都接到贵公司的推销电话，已经明确拒绝并要求不再来电，对方仍然换号码继续打，严重影响工作和休息。' },
    { text: (c) => `${c.seller}多次在晚上十点以后打电话向${c.I}推销${c.product}，${c.I}表示不需要后还被加微信继续推销。` },
    {
      lines: ['life', 'health', 'property_casualty'],
      text: (c) => `公司电销人员以“保单回访”的名义来电，实际是推销新的理财产品，${c.I}对这种营销方式很反感，要求停止。`,
    },
    {
      lines: ['brokerage', 'investment_advisory', 'asset_management'],
      text: (c) => `${c.I}经常收到以公司名义发来的荐股短信和电话，要求付费加入${c.product}，${c.I}从未同意接收此类信息。`,
    },
  ],
  other: [
    { text: (c) => `${c.I}在${c.place}办理业务排队两个多小时，窗口只开了一个，工作人员态度冷淡，还嫌${c.I}问题多。` },
    { text: (c) => `客服热线转人工要等半小时以上，${c.I}咨询${c.product}的问题一直无人解答，服务质量太差。` },
    { text: (c) => `${c.I}在${c.date}反映问题后，对方承诺三个工作日内回电，至今${c.days}天了没有任何人联系，问题也没有解决。` },
  ],
};

/** Sentences that carry a signal; each has the complainant's own words and an agent's wording. */
export interface SignalSentence {
  self: string;
  agent: string;
}

export type Signal = 'legal' | 'regulator' | 'mass' | 'media' | 'agitated';

export const SIGNAL_SENTENCES: Readonly<Record<Signal, readonly SignalSentence[]>> = {
  // level 1
  legal: [
    { self: '如果公司不能妥善解决，我将委托律师起诉。', agent: '客户表示如不能妥善解决将委托律师起诉。' },
    { self: '我已经咨询过律师，保留起诉的权利。', agent: '客户称已咨询律师，保留起诉的权利。' },
  ],
  regulator: [
    { self: '如果得不到合理解决，我会向金融监管部门反映。', agent: '客户表示如得不到合理解决将向金融监管部门反映。' },
    { self: '十天内没有答复的话我就打12378。', agent: '客户称十天内没有答复就拨打12378反映。' },
  ],
  mass: [
    { self: '同一批购买的客户已经建群，准备集体维权。', agent: '客户称同批客户已建群，准备集体维权。' },
    { self: '我们有十几位客户遇到同样的问题，打算集体维权。', agent: '客户称有十几位客户遇到同样问题，打算集体维权。' },
  ],
  // level 2
  media: [
    { self: '再不处理我就发到微博上曝光。', agent: '客户表示再不处理就发微博曝光。' },
    { self: '我已经联系了本地电视台的记者。', agent: '客户称已联系本地电视台记者。' },
    { self: '我会把这件事交给媒体报道。', agent: '客户表示会把此事交给媒体报道。' },
  ],
  agitated: [
    { self: '我对此非常气愤！', agent: '客户情绪激动，表示非常气愤。' },
    { self: '这样的处理让我忍无可忍。', agent: '客户称已忍无可忍。' },
  ],
};

export const AGENT_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  hotline: ['来电反映：', '【来电记录】', '来电人反映：'],
  branch: ['柜面接待记录：', '营业部现场接待：'],
  regulator_referral: ['监管转办件：', '上级转办件：'],
};

export const SELF_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  letter: ['尊敬的领导：', '贵公司负责人：'],
  email: ['您好，', '客服部门：'],
  web: ['', '我要投诉：'],
  app: ['', ''],
};

export const SELF_CLOSINGS = ['请尽快处理。', '希望公司给个合理的说法。', '请公司核实后回复我。', '', ''] as const;
export const AGENT_CLOSINGS = ['客户要求尽快回复。', '已安抚客户，承诺尽快核实。', '请相关部门跟进处理。', ''] as const;

/** Opening of a second complaint on the same matter; `date` is the first one's. */
export const FOLLOW_UPS: readonly SignalSentence[] = [
  { self: '{date}我已就此事投诉过，至今没有结果，现再次投诉。', agent: '客户{date}已就此事投诉，称至今未解决，再次反映。' },
  { self: '这是我第二次反映这个问题，上次{date}提交后没有任何进展。', agent: '客户第二次反映该问题，{date}首次投诉后无进展。' },
];

export const REMEDIES: Readonly<Record<string, readonly string[]>> = {
  product_sales: ['要求全额退还保费', '要求退还本金并赔偿损失', '要求核查销售人员违规行为并撤销合同', '要求按宣传的收益兑现'],
  underwriting: ['要求书面说明拒保理由', '要求按标准费率承保', '要求撤销解除合同的决定'],
  claims_dispute: ['要求按合同全额赔付', '要求重新定损', '要求尽快支付理赔款', '要求书面说明拒赔理由'],
  surrender_refund: ['要求全额退还保费', '要求减免退保手续费', '要求尽快退款', '要求提供线上办理渠道'],
  premiums_fees: ['要求退还多扣的保费', '要求说明费率调整依据', '要求退款并道歉'],
  policy_account_service: ['要求尽快办结', '要求一次性告知所需材料', '要求给出办理时限'],
  securities_trading: ['要求赔偿交易损失', '要求说明强平依据并赔偿', '要求核查交易记录'],
  account_opening_closing: ['要求尽快办理销户', '要求开通线上办理', '要求尽快完成审核'],
  commissions_fees: ['要求退还多收的佣金', '要求按约定费率收费', '要求退还服务费'],
  investment_advice: ['要求退还服务费', '要求赔偿投资损失', '要求处理相关投资顾问'],
  information_disclosure: ['要求按时披露信息', '要求书面说明', '要求赎回并退还费用'],
  system_outage: ['要求赔偿损失', '要求说明故障原因', '要求提供交易日志'],
  personal_data: ['要求删除个人信息', '要求说明信息泄露原因', '要求停止发送营销信息'],
  marketing_harassment: ['要求停止推销来电', '要求将号码列入免打扰名单', '要求道歉'],
  other: ['要求改进服务', '要求尽快回电', '要求道歉'],
};

export const CONFIRM_REASONS = ['确认系统建议', '确认系统建议', '经复核，同意系统定级'] as const;

/** Override reasons by [from, to] level, e.g. '3>2'. */
export const OVERRIDE_REASONS: Readonly<Record<string, readonly string[]>> = {
  '3>2': ['客户多次来电，情绪较为激动，升级处理', '涉及金额可能扩大，需组织调查'],
  '2>3': ['经回访客户情绪已平复，无对外发布意向，按三级处理', '事实清楚，可由一线当日答复'],
  '2>1': ['同类问题近期集中出现，存在声誉风险，提级处理', '客户明确表示将向监管反映，提级处理'],
  '1>2': ['金额虽超阈值但事实清楚，客户已接受处理方案', '经核实与客户已达成一致，无升级风险'],
};
