//! The typed methods of every request call.
//!
//! Generated from the catalog by tools/gen_surfaces.py; do not edit.
//! Names: energy calls grouped as its document groups them (client.energy.meters.create),
//! other calls as client methods named after their id (ate_sn_detail_get); parameters
//! and fields are the wire name in snake_case (Rust, Python), camelCase (C# parameters),
//! PascalCase (C# properties); the wire name is in each doc comment.
//! Date-times: the language layer sends ISO 8601 with the value's offset; the core alone
//! converts to the server's format.

#![allow(clippy::all, unused_mut)]

use crate::datetime::DateTimeArg;
use crate::named::Args;
use crate::client::Client;
use crate::error::Result;
use serde_json::Value;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

impl Client {
    /// The `energy.*` calls.
    pub fn energy(&self) -> Energy<'_> {
        Energy { client: self }
    }

    /// `ate.login` (POST /api/login/): Log in; the token stays inside the client, which renews it itself
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn ate_login(&self) -> AteLoginCall<'_> {
        let mut a = Args::new();
        AteLoginCall { client: self, args: a }
    }

    /// `ate.sn_detail.get` (GET /api/sn_detail/{work_order}/): Work order: SERIAL_NUMBER, FUNCTION_NAME, TARGET_QTY, SN_QTY
    pub async fn ate_sn_detail_get(&self, work_order: &str) -> Result<crate::models::SnDetail> {
        let mut a = Args::new();
        a.put("work_order", Value::from(work_order));
        let answer = self.call("ate.sn_detail.get", a.into_value()?).await?;
        crate::named::model("ate.sn_detail.get", answer)
    }

    /// `ate.sn_detail.upload` (POST /api/sn_detail/): Upload a serial number; the server checks it against the SN rule
    pub async fn ate_sn_detail_upload(&self, work_order: &str, sn: &str) -> Result<()> {
        let mut a = Args::new();
        a.put("work_order", Value::from(work_order));
        a.put("sn", Value::from(sn));
        let answer = self.call("ate.sn_detail.upload", a.into_value()?).await?;
        crate::named::nothing(answer)
    }

    /// `grading.save` (POST /api/pick/volumeCollectData/save): Save one cell's grading record (newest record per barcode wins)
    pub async fn grading_save(&self, record: &crate::models::GradingRecord) -> Result<Value> {
        let answer = self.call("grading.save", record.to_params()).await?;
        Ok(answer)
    }

    /// `trace.query` (POST /industry/qualitytrace/tree/query): Forward or reverse quality trace of a unique code; answers a tree
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn trace_query(&self, unique_code: &str, trace_type: crate::models::TraceType) -> TraceQueryCall<'_> {
        let mut a = Args::new();
        a.put("uniqueCode", Value::from(unique_code));
        a.put("traceType", Value::from(trace_type));
        TraceQueryCall { client: self, args: a }
    }

    /// `mgm.token.get` (POST /token): get_access_token; the tokens stay inside the client, the answer is {expires_in}
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn mgm_token_get(&self) -> MgmTokenGetCall<'_> {
        let mut a = Args::new();
        MgmTokenGetCall { client: self, args: a }
    }

    /// `mgm.token.refresh` (POST /token): refresh_token: extends the token before expiry, a new one after; answers {expires_in}
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn mgm_token_refresh(&self) -> MgmTokenRefreshCall<'_> {
        let mut a = Args::new();
        MgmTokenRefreshCall { client: self, args: a }
    }

    /// `mgm.organization` (POST /resource): get_organization: the factory tree (factory, area, workshop, line, machines)
    pub async fn mgm_organization(&self) -> Result<crate::models::OrgNode> {
        let mut a = Args::new();
        let answer = self.call("mgm.organization", a.into_value()?).await?;
        crate::named::model("mgm.organization", answer)
    }

    /// `mgm.sys_info` (POST /resource): get_sys_info: cnc_system, cnc_class, cnc_model of each machine
    pub async fn mgm_sys_info(&self, machine_list: impl serde::Serialize) -> Result<std::collections::BTreeMap<String, crate::models::SysInfo>> {
        let mut a = Args::new();
        a.try_put("machine_list", crate::named::to_value(&machine_list));
        let answer = self.call("mgm.sys_info", a.into_value()?).await?;
        crate::named::model_map("mgm.sys_info", answer)
    }
}

/// A `ate.login` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct AteLoginCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> AteLoginCall<'a> {
    /// `emp_no`: 员工编号 (default: the configured emp_no)
    pub fn emp_no(mut self, v: impl Into<String>) -> Self {
        self.args.put("emp_no", Value::from(v.into()));
        self
    }

    /// `password`: 密码 (default: the configured password)
    pub fn password(mut self, v: impl Into<String>) -> Self {
        self.args.put("password", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<crate::models::LoginInfo> {
        let answer = self.client.call("ate.login", self.args.into_value()?).await?;
        crate::named::model("ate.login", answer)
    }
}

impl<'a> IntoFuture for AteLoginCall<'a> {
    type Output = Result<crate::models::LoginInfo>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `trace.query` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct TraceQueryCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> TraceQueryCall<'a> {
    /// `corpId`: 企业标识 (default: trace.corp_id)
    pub fn corp_id(mut self, v: impl Into<String>) -> Self {
        self.args.put("corpId", Value::from(v.into()));
        self
    }

    /// `userId`: 员工在当前企业内的唯一标识 (default: trace.user_id)
    pub fn user_id(mut self, v: impl Into<String>) -> Self {
        self.args.put("userId", Value::from(v.into()));
        self
    }

    /// `source`: 参数来源, DINGDING or SAAS (default: trace.source)
    pub fn source(mut self, v: impl Into<String>) -> Self {
        self.args.put("source", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<crate::models::TraceResult> {
        let answer = self.client.call("trace.query", self.args.into_value()?).await?;
        crate::named::model("trace.query", answer)
    }
}

impl<'a> IntoFuture for TraceQueryCall<'a> {
    type Output = Result<crate::models::TraceResult>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `mgm.token.get` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct MgmTokenGetCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> MgmTokenGetCall<'a> {
    /// `app_key`: app_key (default: the configured one)
    pub fn app_key(mut self, v: impl Into<String>) -> Self {
        self.args.put("app_key", Value::from(v.into()));
        self
    }

    /// `app_secret`: app_secret (default: the configured one)
    pub fn app_secret(mut self, v: impl Into<String>) -> Self {
        self.args.put("app_secret", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("mgm.token.get", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for MgmTokenGetCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `mgm.token.refresh` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct MgmTokenRefreshCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> MgmTokenRefreshCall<'a> {
    /// `app_key`: app_key (default: the configured one)
    pub fn app_key(mut self, v: impl Into<String>) -> Self {
        self.args.put("app_key", Value::from(v.into()));
        self
    }

    /// `refresh_token`: refresh_token (default: the client's own, which is then renewed)
    pub fn refresh_token(mut self, v: impl Into<String>) -> Self {
        self.args.put("refresh_token", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("mgm.token.refresh", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for MgmTokenRefreshCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.*` calls.
#[derive(Clone, Copy)]
pub struct Energy<'a> {
    client: &'a Client,
}

impl <'a> Energy<'a> {
    /// The `energy.auth.*` calls.
    pub fn auth(&self) -> EnergyAuth<'a> {
        EnergyAuth { client: self.client }
    }

    /// The `energy.users.*` calls.
    pub fn users(&self) -> EnergyUsers<'a> {
        EnergyUsers { client: self.client }
    }

    /// The `energy.meters.*` calls.
    pub fn meters(&self) -> EnergyMeters<'a> {
        EnergyMeters { client: self.client }
    }

    /// The `energy.machines.*` calls.
    pub fn machines(&self) -> EnergyMachines<'a> {
        EnergyMachines { client: self.client }
    }

    /// The `energy.consumption.*` calls.
    pub fn consumption(&self) -> EnergyConsumption<'a> {
        EnergyConsumption { client: self.client }
    }

    /// The `energy.measure.*` calls.
    pub fn measure(&self) -> EnergyMeasure<'a> {
        EnergyMeasure { client: self.client }
    }

    /// The `energy.report.*` calls.
    pub fn report(&self) -> EnergyReport<'a> {
        EnergyReport { client: self.client }
    }

    /// The `energy.rate.*` calls.
    pub fn rate(&self) -> EnergyRate<'a> {
        EnergyRate { client: self.client }
    }

    /// The `energy.personalise.*` calls.
    pub fn personalise(&self) -> EnergyPersonalise<'a> {
        EnergyPersonalise { client: self.client }
    }

    /// The `energy.prp.*` calls.
    pub fn prp(&self) -> EnergyPrp<'a> {
        EnergyPrp { client: self.client }
    }

    /// The `energy.alarms.*` calls.
    pub fn alarms(&self) -> EnergyAlarms<'a> {
        EnergyAlarms { client: self.client }
    }

    /// The `energy.alarm_rules.*` calls.
    pub fn alarm_rules(&self) -> EnergyAlarmRules<'a> {
        EnergyAlarmRules { client: self.client }
    }

    /// The `energy.alarm_messages.*` calls.
    pub fn alarm_messages(&self) -> EnergyAlarmMessages<'a> {
        EnergyAlarmMessages { client: self.client }
    }

    /// The `energy.oee_rules.*` calls.
    pub fn oee_rules(&self) -> EnergyOeeRules<'a> {
        EnergyOeeRules { client: self.client }
    }

    /// The `energy.oee.*` calls.
    pub fn oee(&self) -> EnergyOee<'a> {
        EnergyOee { client: self.client }
    }

    /// The `energy.products.*` calls.
    pub fn products(&self) -> EnergyProducts<'a> {
        EnergyProducts { client: self.client }
    }

    /// The `energy.product_output.*` calls.
    pub fn product_output(&self) -> EnergyProductOutput<'a> {
        EnergyProductOutput { client: self.client }
    }

    /// The `energy.batches.*` calls.
    pub fn batches(&self) -> EnergyBatches<'a> {
        EnergyBatches { client: self.client }
    }

    /// The `energy.miniprogram.*` calls.
    pub fn miniprogram(&self) -> EnergyMiniprogram<'a> {
        EnergyMiniprogram { client: self.client }
    }

    /// The `energy.regions.*` calls.
    pub fn regions(&self) -> EnergyRegions<'a> {
        EnergyRegions { client: self.client }
    }
}

/// The `energy.auth.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyAuth<'a> {
    client: &'a Client,
}

impl <'a> EnergyAuth<'a> {
    /// `energy.auth.login` (POST /api/auth): Log in (1.1); the session cookie stays inside the client
    pub async fn login(&self, usr_name: &str, usr_password: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Usr_Name", Value::from(usr_name));
        a.put("Usr_Password", Value::from(usr_password));
        let answer = self.client.call("energy.auth.login", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.auth.logout` (DELETE /api/auth): Log out (1.2) and forget the session
    pub async fn logout(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.auth.logout", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.users.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyUsers<'a> {
    client: &'a Client,
}

impl <'a> EnergyUsers<'a> {
    /// `energy.users.register` (POST /api/users): Register a user (1.3)
    pub async fn register(&self, usr_name: &str, usr_password: &str, usr_email: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Usr_Name", Value::from(usr_name));
        a.put("Usr_Password", Value::from(usr_password));
        a.put("Usr_Email", Value::from(usr_email));
        let answer = self.client.call("energy.users.register", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.users.update` (PUT /api/users): Update a user's details (1.4)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn update(&self, id: i64, usr_name: &str, usr_email: &str) -> EnergyUsersUpdateCall<'a> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Usr_Name", Value::from(usr_name));
        a.put("Usr_Email", Value::from(usr_email));
        EnergyUsersUpdateCall { client: self.client, args: a }
    }

    /// `energy.users.get` (GET /api/users): Get user details (1.5)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn get(&self) -> EnergyUsersGetCall<'a> {
        let mut a = Args::new();
        EnergyUsersGetCall { client: self.client, args: a }
    }
}

/// A `energy.users.update` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyUsersUpdateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyUsersUpdateCall<'a> {
    /// `Usr_Phone`: 用户手机
    pub fn usr_phone(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Phone", Value::from(v.into()));
        self
    }

    /// `XCX_Title`: 小程序标题
    pub fn xcx_title(mut self, v: impl Into<String>) -> Self {
        self.args.put("XCX_Title", Value::from(v.into()));
        self
    }

    /// `Usr_Company`: 用户公司
    pub fn usr_company(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Company", Value::from(v.into()));
        self
    }

    /// `Usr_Province`: 所属省
    pub fn usr_province(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Province", Value::from(v.into()));
        self
    }

    /// `Usr_City`: 所属市
    pub fn usr_city(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_City", Value::from(v.into()));
        self
    }

    /// `Usr_Detail_Addr`: 用户详细地址
    pub fn usr_detail_addr(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Detail_Addr", Value::from(v.into()));
        self
    }

    /// `Usr_Area`: 所属区
    pub fn usr_area(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Area", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.users.update", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyUsersUpdateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.users.get` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyUsersGetCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyUsersGetCall<'a> {
    /// `id`: 主键
    pub fn id(mut self, v: i64) -> Self {
        self.args.put("id", Value::from(v));
        self
    }

    /// `Usr_Name`: 登录名
    pub fn usr_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Name", Value::from(v.into()));
        self
    }

    /// `Usr_Email`: 用户邮箱
    pub fn usr_email(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Email", Value::from(v.into()));
        self
    }

    /// `Usr_Phone`: 用户手机
    pub fn usr_phone(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Phone", Value::from(v.into()));
        self
    }

    /// `XCX_Title`: 小程序标题
    pub fn xcx_title(mut self, v: impl Into<String>) -> Self {
        self.args.put("XCX_Title", Value::from(v.into()));
        self
    }

    /// `Usr_Company`: 用户公司
    pub fn usr_company(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Company", Value::from(v.into()));
        self
    }

    /// `Usr_Province`: 所属省
    pub fn usr_province(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Province", Value::from(v.into()));
        self
    }

    /// `Usr_City`: 所属市
    pub fn usr_city(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_City", Value::from(v.into()));
        self
    }

    /// `Usr_Detail_Addr`: 用户详细地址
    pub fn usr_detail_addr(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Detail_Addr", Value::from(v.into()));
        self
    }

    /// `Usr_Area`: 所属区
    pub fn usr_area(mut self, v: impl Into<String>) -> Self {
        self.args.put("Usr_Area", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.users.get", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyUsersGetCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.meters.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyMeters<'a> {
    client: &'a Client,
}

impl <'a> EnergyMeters<'a> {
    /// `energy.meters.create` (POST /api_3/meters): Add a meter (2.1); answers its id
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn create(&self, meter_name: &str, meter_type: &str, meter_superior_id: &str) -> EnergyMetersCreateCall<'a> {
        let mut a = Args::new();
        a.put("Meter_Name", Value::from(meter_name));
        a.put("Meter_Type", Value::from(meter_type));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        EnergyMetersCreateCall { client: self.client, args: a }
    }

    /// `energy.meters.update` (PUT /api_3/meters): Update a meter (2.2)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn update(&self, id: i64, meter_name: &str, meter_type: &str, meter_superior_id: i64) -> EnergyMetersUpdateCall<'a> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Meter_Name", Value::from(meter_name));
        a.put("Meter_Type", Value::from(meter_type));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        EnergyMetersUpdateCall { client: self.client, args: a }
    }

    /// `energy.meters.list` (GET /api_3/meters): List meters (2.3), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyMetersListCall<'a> {
        let mut a = Args::new();
        EnergyMetersListCall { client: self.client, args: a }
    }

    /// `energy.meters.delete` (DELETE /api_3/meters): Delete a meter (2.4)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.meters.delete", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.meters.create` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyMetersCreateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyMetersCreateCall<'a> {
    /// `Meter_Remarks`: 仪表备注
    pub fn meter_remarks(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Remarks", Value::from(v.into()));
        self
    }

    /// `Meter_TotalAmount`: 换表前累计总量
    pub fn meter_total_amount(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_TotalAmount", Value::from(v.into()));
        self
    }

    /// `Meter_IsVirtual`: 是否为虚拟表，默认'0'
    pub fn meter_is_virtual(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsVirtual", Value::from(v));
        self
    }

    /// `Meter_Formula`: 虚拟表计算公式，默认''
    pub fn meter_formula(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Formula", Value::from(v.into()));
        self
    }

    /// `Meter_IsTotal`: 是否为总表，默认'0'
    pub fn meter_is_total(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsTotal", Value::from(v));
        self
    }

    /// `Meter_IsCount`: 是否统计，默认'0'
    pub fn meter_is_count(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsCount", Value::from(v));
        self
    }

    /// `Is_HandWork`: 是否手工填报,默认0
    pub fn is_hand_work(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Is_HandWork", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.meters.create", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyMetersCreateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.meters.update` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyMetersUpdateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyMetersUpdateCall<'a> {
    /// `Meter_Remarks`: 仪表备注
    pub fn meter_remarks(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Remarks", Value::from(v.into()));
        self
    }

    /// `Meter_TotalAmount`: 换表前累计总量
    pub fn meter_total_amount(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_TotalAmount", Value::from(v.into()));
        self
    }

    /// `Meter_IsVirtual`: 是否为虚拟表，默认'0'
    pub fn meter_is_virtual(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsVirtual", Value::from(v));
        self
    }

    /// `Meter_Formula`: 虚拟表计算公式，默认''
    pub fn meter_formula(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Formula", Value::from(v.into()));
        self
    }

    /// `Meter_IsTotal`: 是否为总表，默认'0'
    pub fn meter_is_total(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsTotal", Value::from(v));
        self
    }

    /// `Meter_IsCount`: 是否统计，默认'0'
    pub fn meter_is_count(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsCount", Value::from(v));
        self
    }

    /// `Is_HandWork`: 是否手工填报,默认0
    pub fn is_hand_work(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Is_HandWork", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.meters.update", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyMetersUpdateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.meters.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyMetersListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyMetersListCall<'a> {
    /// `id`: 仪表主键
    pub fn id(mut self, v: i64) -> Self {
        self.args.put("id", Value::from(v));
        self
    }

    /// `Meter_Type`: 根基仪表类型筛选
    pub fn meter_type(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Type", Value::from(v.into()));
        self
    }

    /// `Meter_Superior`: 根据所属机器的名称筛选
    pub fn meter_superior(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Superior", Value::from(v.into()));
        self
    }

    /// `Is_HandWork`: 根据是否手工填报筛选
    pub fn is_hand_work(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Is_HandWork", Value::from(v));
        self
    }

    /// `Per_Page_Counts`: 分页每页显示数
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// `Meter_IsCount`: 根据是否需要统计筛选
    pub fn meter_is_count(mut self, v: crate::models::YesNo) -> Self {
        self.args.put("Meter_IsCount", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.meters.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.meters.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyMetersListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.machines.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyMachines<'a> {
    client: &'a Client,
}

impl <'a> EnergyMachines<'a> {
    /// `energy.machines.list` (GET /api_3/metersuperiors): List machines (2.5), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyMachinesListCall<'a> {
        let mut a = Args::new();
        EnergyMachinesListCall { client: self.client, args: a }
    }

    /// `energy.machines.create` (POST /api_3/metersuperiors): Add a machine (2.6)
    pub async fn create(&self, meter_superior: &str, meter_department: &str, equipment_code: &str, equipment_unit_code: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Meter_Superior", Value::from(meter_superior));
        a.put("Meter_Department", Value::from(meter_department));
        a.put("equipmentCode", Value::from(equipment_code));
        a.put("equipmentUnitCode", Value::from(equipment_unit_code));
        let answer = self.client.call("energy.machines.create", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.machines.update` (PUT /api_3/metersuperiors): Update a machine (2.7)
    pub async fn update(&self, id: i64, meter_superior: &str, meter_department: &str, equipment_code: &str, equipment_unit_code: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Meter_Superior", Value::from(meter_superior));
        a.put("Meter_Department", Value::from(meter_department));
        a.put("equipmentCode", Value::from(equipment_code));
        a.put("equipmentUnitCode", Value::from(equipment_unit_code));
        let answer = self.client.call("energy.machines.update", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.machines.delete` (DELETE /api_3/metersuperiors): Delete a machine (2.8)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.machines.delete", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.machines.upload_image` (POST /api_3/metersuperior_image): Upload a machine's picture (2.9, multipart)
    pub async fn upload_image(&self, meter_superior_id: i64, machine_image: impl serde::Serialize) -> Result<Value> {
        let mut a = Args::new();
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        a.try_put("Machine_Image", crate::named::to_value(&machine_image));
        let answer = self.client.call("energy.machines.upload_image", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.machines.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyMachinesListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyMachinesListCall<'a> {
    /// `id`: 获取单条
    pub fn id(mut self, v: i64) -> Self {
        self.args.put("id", Value::from(v));
        self
    }

    /// `Meter_Department`: 根据部门筛选
    pub fn meter_department(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Department", Value::from(v.into()));
        self
    }

    /// `Per_Page_Counts`: 分页每页显示数
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.machines.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.machines.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyMachinesListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.consumption.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyConsumption<'a> {
    client: &'a Client,
}

impl <'a> EnergyConsumption<'a> {
    /// `energy.consumption.total` (GET /api_3/allenergy): Total consumption per meter type, meter, machine or department (3.1)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn total(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, amount_type: crate::models::AmountType) -> EnergyConsumptionTotalCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyConsumptionTotalCall { client: self.client, args: a }
    }

    /// `energy.consumption.detail` (GET /api_3/detailenergy): Consumption per time interval (3.2)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn detail(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, amount_type: crate::models::AmountType) -> EnergyConsumptionDetailCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyConsumptionDetailCall { client: self.client, args: a }
    }

    /// `energy.consumption.detail_report` (POST /api_3/form_detailenergy): Detailed consumption for reports, with shift amounts (3.5)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn detail_report(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, amount_type: crate::models::AmountType) -> EnergyConsumptionDetailReportCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyConsumptionDetailReportCall { client: self.client, args: a }
    }
}

/// A `energy.consumption.total` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyConsumptionTotalCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyConsumptionTotalCall<'a> {
    /// `Amount_Combination`: 如果Amount_Type=3或4，这个参数有效，1-按仪表类型查，2-按仪表查，默认1
    pub fn amount_combination(mut self, v: crate::models::AmountCombination) -> Self {
        self.args.put("Amount_Combination", Value::from(v));
        self
    }

    /// `Amount_SortName`: 仪表或机器或部门的名称，默认为所有，多个用‘，’隔开
    pub fn amount_sort_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Amount_SortName", Value::from(v.into()));
        self
    }

    /// `Amount_Value`: 能源类型，默认为所有，多个用‘，’隔开，0-电，1-自来水，2-中水，3-热水，4-软水，5-中压蒸汽，6-低压蒸汽，7-空气，8-天然气
    pub fn amount_value(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Amount_Value", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.consumption.total", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyConsumptionTotalCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.consumption.detail` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyConsumptionDetailCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyConsumptionDetailCall<'a> {
    /// `Time_Interval`: 查询时间间隔，默认:按年查间隔1(月)，按月查间隔1(天)，按天查间隔60(分钟)
    pub fn time_interval(mut self, v: impl Into<String>) -> Self {
        self.args.put("Time_Interval", Value::from(v.into()));
        self
    }

    /// `Amount_Combination`: 如果Amount_Type=3或4，这个参数有效，1-按仪表类型查，2-按仪表查，默认1
    pub fn amount_combination(mut self, v: crate::models::AmountCombination) -> Self {
        self.args.put("Amount_Combination", Value::from(v));
        self
    }

    /// `Amount_SortName`: 仪表或机器或部门的名称，默认为所有，多个用‘，’隔开
    pub fn amount_sort_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Amount_SortName", Value::from(v.into()));
        self
    }

    /// `Amount_Value`: 能源类型，默认为所有，多个用‘，’隔开，0-电，1-自来水，2-中水，3-热水，4-软水，5-中压蒸汽，6-低压蒸汽，7-空气，8-天然气
    pub fn amount_value(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Amount_Value", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.consumption.detail", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyConsumptionDetailCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.consumption.detail_report` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyConsumptionDetailReportCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyConsumptionDetailReportCall<'a> {
    /// `Time_Interval`: 查询时间间隔，默认:按年查间隔1(月)，按月查间隔1(天)，按天查间隔60(分钟)
    pub fn time_interval(mut self, v: impl Into<String>) -> Self {
        self.args.put("Time_Interval", Value::from(v.into()));
        self
    }

    /// `Amount_Combination`: 如果Amount_Type=3或4，这个参数有效，1-按仪表类型查，2-按仪表查，默认1
    pub fn amount_combination(mut self, v: crate::models::AmountCombination) -> Self {
        self.args.put("Amount_Combination", Value::from(v));
        self
    }

    /// `Amount_SortName`: 仪表的名称,默认为所有，多个用‘，’隔开
    pub fn amount_sort_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Amount_SortName", Value::from(v.into()));
        self
    }

    /// `Amount_Value`: 能源类型，默认为所有，多个用‘，’隔开，0-电，1-自来水，2-中水，3-热水，4-软水，5-中压蒸汽，6-低压蒸汽，7-空气，8-天然气
    pub fn amount_value(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Amount_Value", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.consumption.detail_report", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyConsumptionDetailReportCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.measure.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyMeasure<'a> {
    client: &'a Client,
}

impl <'a> EnergyMeasure<'a> {
    /// `energy.measure.query` (GET /api_3/measure): Measuring-point values of one meter (3.3)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn query(&self, time_type: crate::models::TimeType, meter_name: &str, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>) -> EnergyMeasureQueryCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Meter_Name", Value::from(meter_name));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        EnergyMeasureQueryCall { client: self.client, args: a }
    }
}

/// A `energy.measure.query` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyMeasureQueryCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyMeasureQueryCall<'a> {
    /// `Time_Interval`: 查询时间间隔，默认:按年查间隔1(月)，按月查间隔1(天)，按天查间隔60(分钟)
    pub fn time_interval(mut self, v: impl Into<String>) -> Self {
        self.args.put("Time_Interval", Value::from(v.into()));
        self
    }

    /// `Measure_Name`: 测点名称，默认所有，多个用‘，’隔开
    pub fn measure_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Measure_Name", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.measure.query", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyMeasureQueryCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.report.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyReport<'a> {
    client: &'a Client,
}

impl <'a> EnergyReport<'a> {
    /// `energy.report.generate` (POST /api_3/report): Generate an energy report; answers File_Name (3.4)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn generate(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, amount_type: crate::models::AmountType) -> EnergyReportGenerateCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyReportGenerateCall { client: self.client, args: a }
    }
}

/// A `energy.report.generate` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyReportGenerateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyReportGenerateCall<'a> {
    /// `Time_Interval`: 查询时间间隔，默认:按年查间隔1(月)，按月查间隔1(天)，按天查间隔60(分钟)
    pub fn time_interval(mut self, v: impl Into<String>) -> Self {
        self.args.put("Time_Interval", Value::from(v.into()));
        self
    }

    /// `Amount_Combination`: 如果Amount_Type=3或4，这个参数有效，1-按仪表类型查，2-按仪表查，默认1
    pub fn amount_combination(mut self, v: crate::models::AmountCombination) -> Self {
        self.args.put("Amount_Combination", Value::from(v));
        self
    }

    /// `Amount_SortName`: 仪表的名称，默认为所有，多个用‘，’隔开
    pub fn amount_sort_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Amount_SortName", Value::from(v.into()));
        self
    }

    /// `Amount_Value`: 能源类型，默认为所有，多个用‘，’隔开，0-电，1-自来水，2-中水，3-热水，4-软水，5-中压蒸汽，6-低压蒸汽，7-空气，8-天然气
    pub fn amount_value(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Amount_Value", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.report.generate", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyReportGenerateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.rate.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyRate<'a> {
    client: &'a Client,
}

impl <'a> EnergyRate<'a> {
    /// `energy.rate.update` (PUT /api_3/rate): Update a rate (4.1)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn update(&self, id: i64, rate_name: &str, rate_type: &str, is_segmentation: crate::models::Segmentation, rate_unit: &str) -> EnergyRateUpdateCall<'a> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Rate_Name", Value::from(rate_name));
        a.put("Rate_Type", Value::from(rate_type));
        a.put("isSegmentation", Value::from(is_segmentation));
        a.put("Rate_Unit", Value::from(rate_unit));
        EnergyRateUpdateCall { client: self.client, args: a }
    }

    /// `energy.rate.get` (GET /api_3/rate): The rates (4.2)
    pub async fn get(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.rate.get", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.rate.update` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyRateUpdateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyRateUpdateCall<'a> {
    /// `Rate_Value`: 费率值
    pub fn rate_value(mut self, v: impl Into<String>) -> Self {
        self.args.put("Rate_Value", Value::from(v.into()));
        self
    }

    /// `Seg_Begin`: 开始时间
    pub fn seg_begin(mut self, v: impl Into<String>) -> Self {
        self.args.put("Seg_Begin", Value::from(v.into()));
        self
    }

    /// `Seg_Begin_Rate`: 开始计费值
    pub fn seg_begin_rate(mut self, v: impl Into<String>) -> Self {
        self.args.put("Seg_Begin_Rate", Value::from(v.into()));
        self
    }

    /// `Seg_End`: 结束时间
    pub fn seg_end(mut self, v: impl Into<String>) -> Self {
        self.args.put("Seg_End", Value::from(v.into()));
        self
    }

    /// `Seg_End_Rate`: 结束计费值
    pub fn seg_end_rate(mut self, v: impl Into<String>) -> Self {
        self.args.put("Seg_End_Rate", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.rate.update", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyRateUpdateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.personalise.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPersonalise<'a> {
    client: &'a Client,
}

impl <'a> EnergyPersonalise<'a> {
    /// `energy.personalise.get` (GET /api_3/personalise): Year, month and day boundaries (4.3)
    pub async fn get(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.personalise.get", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.personalise.update` (PUT /api_3/personalise): Set the year, month and day boundaries (4.4)
    pub async fn update(&self, year_start: &str, year_end: &str, month_start: &str, month_end: &str, day_start: &str, day_end: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Year_Start", Value::from(year_start));
        a.put("Year_End", Value::from(year_end));
        a.put("Month_Start", Value::from(month_start));
        a.put("Month_End", Value::from(month_end));
        a.put("Day_Start", Value::from(day_start));
        a.put("Day_End", Value::from(day_end));
        let answer = self.client.call("energy.personalise.update", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.prp.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPrp<'a> {
    client: &'a Client,
}

impl <'a> EnergyPrp<'a> {
    /// The `energy.prp.organization.*` calls.
    pub fn organization(&self) -> EnergyPrpOrganization<'a> {
        EnergyPrpOrganization { client: self.client }
    }

    /// The `energy.prp.version.*` calls.
    pub fn version(&self) -> EnergyPrpVersion<'a> {
        EnergyPrpVersion { client: self.client }
    }

    /// The `energy.prp.manual_data.*` calls.
    pub fn manual_data(&self) -> EnergyPrpManualData<'a> {
        EnergyPrpManualData { client: self.client }
    }

    /// The `energy.prp.uploaded_data.*` calls.
    pub fn uploaded_data(&self) -> EnergyPrpUploadedData<'a> {
        EnergyPrpUploadedData { client: self.client }
    }

    /// `energy.prp.base_infos` (GET /api_3/PRP_base_infos): Provincial platform base data: collect systems, usages, items (5.1)
    pub async fn base_infos(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.prp.base_infos", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.prp.operation_result` (GET /api_3/PRP_operation_result): Result of the last provincial platform operation (5.8)
    pub async fn operation_result(&self, operation_type: crate::models::OperationType) -> Result<Value> {
        let mut a = Args::new();
        a.put("Operation_Type", Value::from(operation_type));
        let answer = self.client.call("energy.prp.operation_result", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.prp.organization.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPrpOrganization<'a> {
    client: &'a Client,
}

impl <'a> EnergyPrpOrganization<'a> {
    /// `energy.prp.organization.upload` (PUT /api_3/PRP_organization_infos): Upload the organisation's base information (5.2)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn upload(&self, collect_item_config: impl serde::Serialize, enterprise: impl serde::Serialize, group: impl serde::Serialize) -> EnergyPrpOrganizationUploadCall<'a> {
        let mut a = Args::new();
        a.try_put("collectItemConfig", crate::named::to_value(&collect_item_config));
        a.try_put("enterprise", crate::named::to_value(&enterprise));
        a.try_put("group", crate::named::to_value(&group));
        EnergyPrpOrganizationUploadCall { client: self.client, args: a }
    }

    /// `energy.prp.organization.get` (GET /api_3/PRP_organization_infos): The organisation's base information (5.3)
    pub async fn get(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.prp.organization.get", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.prp.organization.upload` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyPrpOrganizationUploadCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyPrpOrganizationUploadCall<'a> {
    /// `process`: 生产工序
    pub fn process(mut self, v: impl serde::Serialize) -> Self {
        self.args.try_put("process", crate::named::to_value(&v));
        self
    }

    /// `processUnit`: 工序单元
    pub fn process_unit(mut self, v: impl serde::Serialize) -> Self {
        self.args.try_put("processUnit", crate::named::to_value(&v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.prp.organization.upload", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyPrpOrganizationUploadCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.prp.version.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPrpVersion<'a> {
    client: &'a Client,
}

impl <'a> EnergyPrpVersion<'a> {
    /// `energy.prp.version.get` (GET /api_3/PRP_version): Provincial platform version information (5.4)
    pub async fn get(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.prp.version.get", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.prp.version.update` (POST /api_3/PRP_version): Update the version data from the provincial platform (5.5)
    pub async fn update(&self, enterprise_code: &str, region: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("enterpriseCode", Value::from(enterprise_code));
        a.put("region", Value::from(region));
        let answer = self.client.call("energy.prp.version.update", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.prp.manual_data.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPrpManualData<'a> {
    client: &'a Client,
}

impl <'a> EnergyPrpManualData<'a> {
    /// `energy.prp.manual_data.add` (POST /api_3/PRP_manual_energy_measure_datas): Add a manually reported value (5.6)
    pub async fn add(&self, meter_id: i64, date_time: impl Into<DateTimeArg>, date_type: crate::models::DateType, data_amount: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Meter_id", Value::from(meter_id));
        a.put("Date_Time", Value::from(date_time.into()));
        a.put("Date_Type", Value::from(date_type));
        a.put("Data_Amount", Value::from(data_amount));
        let answer = self.client.call("energy.prp.manual_data.add", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.prp.uploaded_data.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyPrpUploadedData<'a> {
    client: &'a Client,
}

impl <'a> EnergyPrpUploadedData<'a> {
    /// `energy.prp.uploaded_data.list` (GET /api_3/PRP_uploaded_energy_measure_datas): Upload records of collected data (5.7)
    pub async fn list(&self, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>) -> Result<Value> {
        let mut a = Args::new();
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        let answer = self.client.call("energy.prp.uploaded_data.list", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.alarms.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyAlarms<'a> {
    client: &'a Client,
}

impl <'a> EnergyAlarms<'a> {
    /// `energy.alarms.list` (GET /api_3/alarm_status): List alarms (6.1), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyAlarmsListCall<'a> {
        let mut a = Args::new();
        EnergyAlarmsListCall { client: self.client, args: a }
    }

    /// `energy.alarms.create` (POST /api_3/alarm_status): Add an alarm (6.2)
    pub async fn create(&self, alarm_name: &str, alarm_type: crate::models::AlarmType, alarm_level: crate::models::AlarmLevel, alarm_notify: crate::models::AlarmNotify, notify_address: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Alarm_Name", Value::from(alarm_name));
        a.put("Alarm_Type", Value::from(alarm_type));
        a.put("Alarm_Level", Value::from(alarm_level));
        a.put("Alarm_Notify", Value::from(alarm_notify));
        a.put("Notify_Address", Value::from(notify_address));
        let answer = self.client.call("energy.alarms.create", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.alarms.update` (PUT /api_3/alarm_status): Update an alarm (6.3)
    pub async fn update(&self, id: i64, alarm_name: &str, alarm_type: crate::models::AlarmType, alarm_level: crate::models::AlarmLevel, alarm_notify: crate::models::AlarmNotify, notify_address: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Alarm_Name", Value::from(alarm_name));
        a.put("Alarm_Type", Value::from(alarm_type));
        a.put("Alarm_Level", Value::from(alarm_level));
        a.put("Alarm_Notify", Value::from(alarm_notify));
        a.put("Notify_Address", Value::from(notify_address));
        let answer = self.client.call("energy.alarms.update", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.alarms.delete` (DELETE /api_3/alarm_status): Delete an alarm (6.4)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.alarms.delete", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.alarms.statistics` (GET /api_3/alarm_statistic_nums): Alarm counts per year, month or day (6.10)
    pub async fn statistics(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, statistic_method: crate::models::StatisticMethod, return_format: crate::models::ReturnFormat) -> Result<Value> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Statistic_Method", Value::from(statistic_method));
        a.put("Return_Format", Value::from(return_format));
        let answer = self.client.call("energy.alarms.statistics", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.alarms.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyAlarmsListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyAlarmsListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.alarms.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.alarms.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyAlarmsListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.alarm_rules.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyAlarmRules<'a> {
    client: &'a Client,
}

impl <'a> EnergyAlarmRules<'a> {
    /// `energy.alarm_rules.list` (GET /api_3/alarm_status_rules): List alarm rules (6.5), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyAlarmRulesListCall<'a> {
        let mut a = Args::new();
        EnergyAlarmRulesListCall { client: self.client, args: a }
    }

    /// `energy.alarm_rules.create` (POST /api_3/alarm_status_rules): Add an alarm rule (6.6)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn create(&self, rule_name: &str, alarm_id: i64, meter_id: i64, lower_limit: f64, upper_limit: f64) -> EnergyAlarmRulesCreateCall<'a> {
        let mut a = Args::new();
        a.put("Rule_Name", Value::from(rule_name));
        a.put("Alarm_id", Value::from(alarm_id));
        a.put("Meter_id", Value::from(meter_id));
        a.put("LowerLimit", Value::from(lower_limit));
        a.put("UpperLimit", Value::from(upper_limit));
        EnergyAlarmRulesCreateCall { client: self.client, args: a }
    }

    /// `energy.alarm_rules.update` (PUT /api_3/alarm_status_rules): Update an alarm rule (6.7)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn update(&self, id: i64, rule_name: &str, alarm_id: i64, meter_id: i64, lower_limit: f64, upper_limit: f64) -> EnergyAlarmRulesUpdateCall<'a> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Rule_Name", Value::from(rule_name));
        a.put("Alarm_id", Value::from(alarm_id));
        a.put("Meter_id", Value::from(meter_id));
        a.put("LowerLimit", Value::from(lower_limit));
        a.put("UpperLimit", Value::from(upper_limit));
        EnergyAlarmRulesUpdateCall { client: self.client, args: a }
    }

    /// `energy.alarm_rules.delete` (DELETE /api_3/alarm_status_rules): Delete an alarm rule (6.8)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.alarm_rules.delete", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.alarm_rules.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyAlarmRulesListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyAlarmRulesListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// `Alarm_id`: 筛选, 传报警状态主键id
    pub fn alarm_id(mut self, v: impl Into<String>) -> Self {
        self.args.put("Alarm_id", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.alarm_rules.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.alarm_rules.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyAlarmRulesListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.alarm_rules.create` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyAlarmRulesCreateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyAlarmRulesCreateCall<'a> {
    /// `Meter_Parameter`: 判断测点, 仅当报警类型为`机器瞬时参数报警`时需要传
    pub fn meter_parameter(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Parameter", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.alarm_rules.create", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyAlarmRulesCreateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.alarm_rules.update` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyAlarmRulesUpdateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyAlarmRulesUpdateCall<'a> {
    /// `Meter_Parameter`: 判断测点, 仅当报警类型为`机器瞬时参数报警`时需要传
    pub fn meter_parameter(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Parameter", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.alarm_rules.update", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyAlarmRulesUpdateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.alarm_messages.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyAlarmMessages<'a> {
    client: &'a Client,
}

impl <'a> EnergyAlarmMessages<'a> {
    /// `energy.alarm_messages.list` (DELETE /api_3/alarm_message): Alarm records (6.9; documented as DELETE), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>) -> EnergyAlarmMessagesListCall<'a> {
        let mut a = Args::new();
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        EnergyAlarmMessagesListCall { client: self.client, args: a }
    }
}

/// A `energy.alarm_messages.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyAlarmMessagesListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyAlarmMessagesListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// `Meter_Name`: 仪表筛选
    pub fn meter_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Name", Value::from(v.into()));
        self
    }

    /// `Meter_Superior`: 机器筛选
    pub fn meter_superior(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Superior", Value::from(v.into()));
        self
    }

    /// `Alarm_Type`: 报警类型, 1: 机器每小时累计能耗报警, 2:机器瞬时参数报警
    pub fn alarm_type(mut self, v: crate::models::AlarmType) -> Self {
        self.args.put("Alarm_Type", Value::from(v));
        self
    }

    /// `Alarm_Level`: 1: 一般 2:警告 3:严重
    pub fn alarm_level(mut self, v: crate::models::AlarmLevel) -> Self {
        self.args.put("Alarm_Level", Value::from(v));
        self
    }

    /// `Rule_Name`: 规则筛选
    pub fn rule_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Rule_Name", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.alarm_messages.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.alarm_messages.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyAlarmMessagesListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.oee_rules.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyOeeRules<'a> {
    client: &'a Client,
}

impl <'a> EnergyOeeRules<'a> {
    /// `energy.oee_rules.list` (GET /api_3/OEE_status_rules): List OEE rules (7.1), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyOeeRulesListCall<'a> {
        let mut a = Args::new();
        EnergyOeeRulesListCall { client: self.client, args: a }
    }

    /// `energy.oee_rules.create` (POST /api_3/OEE_status_rules): Add an OEE rule (7.2)
    pub async fn create(&self, rule_name: &str, status_name: &str, meter_id: i64, meter_parameter: &str, lower_limit: f64, upper_limit: f64, meter_superior_id: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("Rule_Name", Value::from(rule_name));
        a.put("Status_Name", Value::from(status_name));
        a.put("Meter_id", Value::from(meter_id));
        a.put("Meter_Parameter", Value::from(meter_parameter));
        a.put("LowerLimit", Value::from(lower_limit));
        a.put("UpperLimit", Value::from(upper_limit));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        let answer = self.client.call("energy.oee_rules.create", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.oee_rules.update` (PUT /api_3/OEE_status_rules): Update an OEE rule (7.3)
    pub async fn update(&self, id: i64, rule_name: &str, status_name: &str, meter_id: i64, meter_parameter: &str, lower_limit: f64, upper_limit: f64, meter_superior_id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Rule_Name", Value::from(rule_name));
        a.put("Status_Name", Value::from(status_name));
        a.put("Meter_id", Value::from(meter_id));
        a.put("Meter_Parameter", Value::from(meter_parameter));
        a.put("LowerLimit", Value::from(lower_limit));
        a.put("UpperLimit", Value::from(upper_limit));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        let answer = self.client.call("energy.oee_rules.update", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.oee_rules.delete` (DELETE /api_3/OEE_status_rules): Delete an OEE rule (7.4)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.oee_rules.delete", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.oee_rules.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyOeeRulesListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyOeeRulesListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.oee_rules.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.oee_rules.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyOeeRulesListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.oee.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyOee<'a> {
    client: &'a Client,
}

impl <'a> EnergyOee<'a> {
    /// `energy.oee.records` (GET /api_3/OEE_statistic_records): A machine's OEE status changes, at most 24 h (7.5)
    pub async fn records(&self, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, meter_superior_id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        let answer = self.client.call("energy.oee.records", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.oee.statistics` (GET /api_3/OEE_statistic): Seconds per OEE status per year, month or day (7.6)
    pub async fn statistics(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, return_format: crate::models::ReturnFormat, meter_superior_id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Return_Format", Value::from(return_format));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        let answer = self.client.call("energy.oee.statistics", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.products.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyProducts<'a> {
    client: &'a Client,
}

impl <'a> EnergyProducts<'a> {
    /// `energy.products.list` (GET /api_3/products): List products (8.1), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyProductsListCall<'a> {
        let mut a = Args::new();
        EnergyProductsListCall { client: self.client, args: a }
    }

    /// `energy.products.create` (POST /api_3/products): Add a product (8.2)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn create(&self, product_name: &str) -> EnergyProductsCreateCall<'a> {
        let mut a = Args::new();
        a.put("Product_Name", Value::from(product_name));
        EnergyProductsCreateCall { client: self.client, args: a }
    }

    /// `energy.products.update` (PUT /api_3/products): Update a product (8.3)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn update(&self, id: i64, product_name: &str) -> EnergyProductsUpdateCall<'a> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Product_Name", Value::from(product_name));
        EnergyProductsUpdateCall { client: self.client, args: a }
    }

    /// `energy.products.delete` (DELETE /api_3/products): Delete a product (8.4)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.products.delete", a.into_value()?).await?;
        Ok(answer)
    }
}

/// A `energy.products.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyProductsListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyProductsListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.products.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.products.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyProductsListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.products.create` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyProductsCreateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyProductsCreateCall<'a> {
    /// `Product_Unit`: 计量单位
    pub fn product_unit(mut self, v: impl Into<String>) -> Self {
        self.args.put("Product_Unit", Value::from(v.into()));
        self
    }

    /// `Remarks`: 产品备注
    pub fn remarks(mut self, v: impl Into<String>) -> Self {
        self.args.put("Remarks", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.products.create", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyProductsCreateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.products.update` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyProductsUpdateCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyProductsUpdateCall<'a> {
    /// `Product_Unit`: 计量单位
    pub fn product_unit(mut self, v: impl Into<String>) -> Self {
        self.args.put("Product_Unit", Value::from(v.into()));
        self
    }

    /// `Remarks`: 产品备注
    pub fn remarks(mut self, v: impl Into<String>) -> Self {
        self.args.put("Remarks", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.products.update", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyProductsUpdateCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.product_output.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyProductOutput<'a> {
    client: &'a Client,
}

impl <'a> EnergyProductOutput<'a> {
    /// `energy.product_output.list` (GET /api_3/product_output): List product output records (8.5), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyProductOutputListCall<'a> {
        let mut a = Args::new();
        EnergyProductOutputListCall { client: self.client, args: a }
    }

    /// `energy.product_output.create` (POST /api_3/product_output): Record a product output (8.6)
    pub async fn create(&self, product_id: i64, total_amount: i64, meter_superior_id: i64, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, product_batch_id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("Product_id", Value::from(product_id));
        a.put("Total_Amount", Value::from(total_amount));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("ProductBatch_id", Value::from(product_batch_id));
        let answer = self.client.call("energy.product_output.create", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.product_output.update` (PUT /api_3/product_output): Update a product output record (8.7)
    pub async fn update(&self, id: i64, product_id: i64, total_amount: i64, meter_superior_id: i64, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, product_batch_id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Product_id", Value::from(product_id));
        a.put("Total_Amount", Value::from(total_amount));
        a.put("Meter_Superior_id", Value::from(meter_superior_id));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("ProductBatch_id", Value::from(product_batch_id));
        let answer = self.client.call("energy.product_output.update", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.product_output.delete` (DELETE /api_3/product_output): Delete a product output record (8.8)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.product_output.delete", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.product_output.statistics` (GET /api_3/product_output_energy_statistic): Output and energy per product or machine (8.9)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn statistics(&self, time_type: crate::models::TimeType, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>, summary_type: crate::models::SummaryType, return_format: crate::models::ReturnFormat, amount_type: crate::models::AmountType) -> EnergyProductOutputStatisticsCall<'a> {
        let mut a = Args::new();
        a.put("Time_Type", Value::from(time_type));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        a.put("Summary_Type", Value::from(summary_type));
        a.put("Return_Format", Value::from(return_format));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyProductOutputStatisticsCall { client: self.client, args: a }
    }
}

/// A `energy.product_output.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyProductOutputListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyProductOutputListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// `Production_Batch`: 生产批次
    pub fn production_batch(mut self, v: impl Into<String>) -> Self {
        self.args.put("Production_Batch", Value::from(v.into()));
        self
    }

    /// `Product_Name`: 产品名称
    pub fn product_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Product_Name", Value::from(v.into()));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.product_output.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.product_output.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyProductOutputListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.product_output.statistics` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyProductOutputStatisticsCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyProductOutputStatisticsCall<'a> {
    /// `Product_Name`: 根据产品名称筛选
    pub fn product_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Product_Name", Value::from(v.into()));
        self
    }

    /// `Meter_Superior`: 根据机器名称筛选
    pub fn meter_superior(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Superior", Value::from(v.into()));
        self
    }

    /// `Is_Order`: 根据总量排序(仅当Return_Format为1时可进行排序)
    pub fn is_order(mut self, v: crate::models::IsOrder) -> Self {
        self.args.put("Is_Order", Value::from(v));
        self
    }

    /// `Order_Type`: 1: 升序, 2:降序
    pub fn order_type(mut self, v: crate::models::OrderType) -> Self {
        self.args.put("Order_Type", Value::from(v));
        self
    }

    /// `Limit`: 返回数据个数
    pub fn limit(mut self, v: i64) -> Self {
        self.args.put("Limit", Value::from(v));
        self
    }

    /// `Energy_Type`: 能源类型, 当Amount_Type为2和4是必填
    pub fn energy_type(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Energy_Type", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.product_output.statistics", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyProductOutputStatisticsCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.batches.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyBatches<'a> {
    client: &'a Client,
}

impl <'a> EnergyBatches<'a> {
    /// `energy.batches.list` (GET /api_3/productsBatch): List production batches (8.10), paged
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn list(&self) -> EnergyBatchesListCall<'a> {
        let mut a = Args::new();
        EnergyBatchesListCall { client: self.client, args: a }
    }

    /// `energy.batches.create` (POST /api_3/productsBatch): Add a production batch (8.11)
    pub async fn create(&self, production_batch: &str, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>) -> Result<Value> {
        let mut a = Args::new();
        a.put("Production_Batch", Value::from(production_batch));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        let answer = self.client.call("energy.batches.create", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.batches.update` (PUT /api_3/productsBatch): Update a production batch (8.12)
    pub async fn update(&self, id: i64, production_batch: &str, time_start: impl Into<DateTimeArg>, time_end: impl Into<DateTimeArg>) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        a.put("Production_Batch", Value::from(production_batch));
        a.put("Time_Start", Value::from(time_start.into()));
        a.put("Time_End", Value::from(time_end.into()));
        let answer = self.client.call("energy.batches.update", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.batches.delete` (DELETE /api_3/productsBatch): Delete a production batch (8.13)
    pub async fn delete(&self, id: i64) -> Result<Value> {
        let mut a = Args::new();
        a.put("id", Value::from(id));
        let answer = self.client.call("energy.batches.delete", a.into_value()?).await?;
        Ok(answer)
    }

    /// `energy.batches.statistics` (GET /api_3/productsBatch_output_energy_statistic): Output and energy per batch (8.14)
    ///
    /// Optional parameters are set on the returned request; `.await` sends it.
    pub fn statistics(&self, production_batch: &str, summary_type: crate::models::SummaryType, amount_type: crate::models::AmountType) -> EnergyBatchesStatisticsCall<'a> {
        let mut a = Args::new();
        a.put("Production_Batch", Value::from(production_batch));
        a.put("Summary_Type", Value::from(summary_type));
        a.put("Amount_Type", Value::from(amount_type));
        EnergyBatchesStatisticsCall { client: self.client, args: a }
    }
}

/// A `energy.batches.list` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyBatchesListCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyBatchesListCall<'a> {
    /// `Per_Page_Counts`: 分页每页显示数，默认10
    pub fn per_page_counts(mut self, v: i64) -> Self {
        self.args.put("Per_Page_Counts", Value::from(v));
        self
    }

    /// `Page_Counts`: 页码，默认0
    pub fn page_counts(mut self, v: i64) -> Self {
        self.args.put("Page_Counts", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.batches.list", self.args.into_value()?).await?;
        Ok(answer)
    }

    /// Every record of the list, page after page (`per_page` a page).
    pub async fn all_pages(self, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages("energy.batches.list", self.args.into_value()?, per_page).await
    }
}

impl<'a> IntoFuture for EnergyBatchesListCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// A `energy.batches.statistics` request: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct EnergyBatchesStatisticsCall<'a> {
    client: &'a Client,
    args: Args,
}

impl<'a> EnergyBatchesStatisticsCall<'a> {
    /// `Product_Name`: 根据产品名称筛选
    pub fn product_name(mut self, v: impl Into<String>) -> Self {
        self.args.put("Product_Name", Value::from(v.into()));
        self
    }

    /// `Meter_Superior`: 根据机器名称筛选
    pub fn meter_superior(mut self, v: impl Into<String>) -> Self {
        self.args.put("Meter_Superior", Value::from(v.into()));
        self
    }

    /// `Is_Order`: 根据总量排序，1:排序，0:不排序
    pub fn is_order(mut self, v: crate::models::IsOrder) -> Self {
        self.args.put("Is_Order", Value::from(v));
        self
    }

    /// `Order_Type`: 1: 升序, 2:降序
    pub fn order_type(mut self, v: crate::models::OrderType) -> Self {
        self.args.put("Order_Type", Value::from(v));
        self
    }

    /// `Limit`: 返回数据个数
    pub fn limit(mut self, v: i64) -> Self {
        self.args.put("Limit", Value::from(v));
        self
    }

    /// `Energy_Type`: 能源类型, 当Amount_Type为2和4是必填
    pub fn energy_type(mut self, v: crate::models::EnergyKind) -> Self {
        self.args.put("Energy_Type", Value::from(v));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Value> {
        let answer = self.client.call("energy.batches.statistics", self.args.into_value()?).await?;
        Ok(answer)
    }
}

impl<'a> IntoFuture for EnergyBatchesStatisticsCall<'a> {
    type Output = Result<Value>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;
    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The `energy.miniprogram.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyMiniprogram<'a> {
    client: &'a Client,
}

impl <'a> EnergyMiniprogram<'a> {
    /// `energy.miniprogram.bind` (POST /api_3/xcx_info_bind): Bind a WeChat mini-program user (9.1)
    pub async fn bind(&self, code: &str, encrypted_data: &str, iv: &str) -> Result<Value> {
        let mut a = Args::new();
        a.put("code", Value::from(code));
        a.put("encryptedData", Value::from(encrypted_data));
        a.put("iv", Value::from(iv));
        let answer = self.client.call("energy.miniprogram.bind", a.into_value()?).await?;
        Ok(answer)
    }
}

/// The `energy.regions.*` calls.
#[derive(Clone, Copy)]
pub struct EnergyRegions<'a> {
    client: &'a Client,
}

impl <'a> EnergyRegions<'a> {
    /// `energy.regions.list` (GET /api_3/province_city_list): Provinces and their cities (9.2)
    pub async fn list(&self) -> Result<Value> {
        let mut a = Args::new();
        let answer = self.client.call("energy.regions.list", a.into_value()?).await?;
        Ok(answer)
    }
}

/// (method path, call id) of every typed method, for tests and tools.
pub const NAMED_METHODS: &[(&str, &str)] = &[
    ("ate_login", "ate.login"),
    ("ate_sn_detail_get", "ate.sn_detail.get"),
    ("ate_sn_detail_upload", "ate.sn_detail.upload"),
    ("grading_save", "grading.save"),
    ("trace_query", "trace.query"),
    ("mgm_token_get", "mgm.token.get"),
    ("mgm_token_refresh", "mgm.token.refresh"),
    ("mgm_organization", "mgm.organization"),
    ("mgm_sys_info", "mgm.sys_info"),
    ("energy.auth.login", "energy.auth.login"),
    ("energy.auth.logout", "energy.auth.logout"),
    ("energy.users.register", "energy.users.register"),
    ("energy.users.update", "energy.users.update"),
    ("energy.users.get", "energy.users.get"),
    ("energy.meters.create", "energy.meters.create"),
    ("energy.meters.update", "energy.meters.update"),
    ("energy.meters.list", "energy.meters.list"),
    ("energy.meters.delete", "energy.meters.delete"),
    ("energy.machines.list", "energy.machines.list"),
    ("energy.machines.create", "energy.machines.create"),
    ("energy.machines.update", "energy.machines.update"),
    ("energy.machines.delete", "energy.machines.delete"),
    ("energy.machines.upload_image", "energy.machines.upload_image"),
    ("energy.consumption.total", "energy.consumption.total"),
    ("energy.consumption.detail", "energy.consumption.detail"),
    ("energy.measure.query", "energy.measure.query"),
    ("energy.report.generate", "energy.report.generate"),
    ("energy.consumption.detail_report", "energy.consumption.detail_report"),
    ("energy.rate.update", "energy.rate.update"),
    ("energy.rate.get", "energy.rate.get"),
    ("energy.personalise.get", "energy.personalise.get"),
    ("energy.personalise.update", "energy.personalise.update"),
    ("energy.prp.base_infos", "energy.prp.base_infos"),
    ("energy.prp.organization.upload", "energy.prp.organization.upload"),
    ("energy.prp.organization.get", "energy.prp.organization.get"),
    ("energy.prp.version.get", "energy.prp.version.get"),
    ("energy.prp.version.update", "energy.prp.version.update"),
    ("energy.prp.manual_data.add", "energy.prp.manual_data.add"),
    ("energy.prp.uploaded_data.list", "energy.prp.uploaded_data.list"),
    ("energy.prp.operation_result", "energy.prp.operation_result"),
    ("energy.alarms.list", "energy.alarms.list"),
    ("energy.alarms.create", "energy.alarms.create"),
    ("energy.alarms.update", "energy.alarms.update"),
    ("energy.alarms.delete", "energy.alarms.delete"),
    ("energy.alarm_rules.list", "energy.alarm_rules.list"),
    ("energy.alarm_rules.create", "energy.alarm_rules.create"),
    ("energy.alarm_rules.update", "energy.alarm_rules.update"),
    ("energy.alarm_rules.delete", "energy.alarm_rules.delete"),
    ("energy.alarm_messages.list", "energy.alarm_messages.list"),
    ("energy.alarms.statistics", "energy.alarms.statistics"),
    ("energy.oee_rules.list", "energy.oee_rules.list"),
    ("energy.oee_rules.create", "energy.oee_rules.create"),
    ("energy.oee_rules.update", "energy.oee_rules.update"),
    ("energy.oee_rules.delete", "energy.oee_rules.delete"),
    ("energy.oee.records", "energy.oee.records"),
    ("energy.oee.statistics", "energy.oee.statistics"),
    ("energy.products.list", "energy.products.list"),
    ("energy.products.create", "energy.products.create"),
    ("energy.products.update", "energy.products.update"),
    ("energy.products.delete", "energy.products.delete"),
    ("energy.product_output.list", "energy.product_output.list"),
    ("energy.product_output.create", "energy.product_output.create"),
    ("energy.product_output.update", "energy.product_output.update"),
    ("energy.product_output.delete", "energy.product_output.delete"),
    ("energy.product_output.statistics", "energy.product_output.statistics"),
    ("energy.batches.list", "energy.batches.list"),
    ("energy.batches.create", "energy.batches.create"),
    ("energy.batches.update", "energy.batches.update"),
    ("energy.batches.delete", "energy.batches.delete"),
    ("energy.batches.statistics", "energy.batches.statistics"),
    ("energy.miniprogram.bind", "energy.miniprogram.bind"),
    ("energy.regions.list", "energy.regions.list"),
];
