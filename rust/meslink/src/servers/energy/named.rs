//! Named methods, grouped as the document groups the calls:
//! `client.energy().meters().create(json!({...}))`. Every method is the generic call of its
//! id (parameters checked against the catalog, session handled); one table below makes
//! them all, and [`NAMED_METHODS`] lists it for tests and generators.

use crate::{Client, Result};
use serde_json::{json, Value};

/// The energy platform's calls of one client: `client.energy()`.
#[derive(Clone, Copy)]
pub struct Energy<'a> {
    client: &'a Client,
}

impl Client {
    /// The energy platform's named methods.
    pub fn energy(&self) -> Energy<'_> {
        Energy { client: self }
    }
}

macro_rules! groups {
    ($( $group:ident : $Group:ident { $( $method:ident => $id:literal ),* $(,)? } )*) => {
        impl<'a> Energy<'a> {
            $(
                #[doc = concat!("The `", stringify!($group), "` calls.")]
                pub fn $group(&self) -> $Group<'a> {
                    $Group { client: self.client }
                }
            )*
        }
        $(
            #[doc = concat!("The energy platform's `", stringify!($group), "` calls.")]
            #[derive(Clone, Copy)]
            pub struct $Group<'a> {
                client: &'a Client,
            }
            impl $Group<'_> {
                $(
                    #[doc = concat!("`", $id, "`: ", "see the catalog for its parameters; answers the envelope `{\"Err_No\", \"Err_Msg\", \"Data\", \"Total_Numbers\"}`.")]
                    pub async fn $method(&self, params: Value) -> Result<Value> {
                        self.client.call($id, params).await
                    }
                )*
            }
        )*
        /// (group, method, call id) of every named method.
        pub const NAMED_METHODS: &[(&str, &str, &str)] = &[
            $( $( (stringify!($group), stringify!($method), $id), )* )*
        ];
    };
}

groups! {
    users: Users {
        login => "energy.auth.login",
        logout => "energy.auth.logout",
        register => "energy.users.register",
        update => "energy.users.update",
        get => "energy.users.get",
    }
    meters: Meters {
        create => "energy.meters.create",
        update => "energy.meters.update",
        list => "energy.meters.list",
        delete => "energy.meters.delete",
    }
    machines: Machines {
        list => "energy.machines.list",
        create => "energy.machines.create",
        update => "energy.machines.update",
        delete => "energy.machines.delete",
        upload_image => "energy.machines.upload_image",
    }
    consumption: Consumption {
        total => "energy.consumption.total",
        detail => "energy.consumption.detail",
        measure => "energy.measure.query",
        report => "energy.report.generate",
        detail_report => "energy.consumption.detail_report",
    }
    rates: Rates {
        update => "energy.rate.update",
        get => "energy.rate.get",
        personalise_get => "energy.personalise.get",
        personalise_update => "energy.personalise.update",
    }
    prp: Prp {
        base_infos => "energy.prp.base_infos",
        organization_upload => "energy.prp.organization.upload",
        organization_get => "energy.prp.organization.get",
        version_get => "energy.prp.version.get",
        version_update => "energy.prp.version.update",
        manual_data_add => "energy.prp.manual_data.add",
        uploaded_data_list => "energy.prp.uploaded_data.list",
        operation_result => "energy.prp.operation_result",
    }
    alarms: Alarms {
        list => "energy.alarms.list",
        create => "energy.alarms.create",
        update => "energy.alarms.update",
        delete => "energy.alarms.delete",
        rules_list => "energy.alarm_rules.list",
        rules_create => "energy.alarm_rules.create",
        rules_update => "energy.alarm_rules.update",
        rules_delete => "energy.alarm_rules.delete",
        messages_list => "energy.alarm_messages.list",
        statistics => "energy.alarms.statistics",
    }
    oee: Oee {
        rules_list => "energy.oee_rules.list",
        rules_create => "energy.oee_rules.create",
        rules_update => "energy.oee_rules.update",
        rules_delete => "energy.oee_rules.delete",
        records => "energy.oee.records",
        statistics => "energy.oee.statistics",
    }
    products: Products {
        list => "energy.products.list",
        create => "energy.products.create",
        update => "energy.products.update",
        delete => "energy.products.delete",
    }
    output: Output {
        list => "energy.product_output.list",
        create => "energy.product_output.create",
        update => "energy.product_output.update",
        delete => "energy.product_output.delete",
        statistics => "energy.product_output.statistics",
    }
    batches: Batches {
        list => "energy.batches.list",
        create => "energy.batches.create",
        update => "energy.batches.update",
        delete => "energy.batches.delete",
        statistics => "energy.batches.statistics",
    }
    miniprogram: Miniprogram {
        bind => "energy.miniprogram.bind",
    }
    regions: Regions {
        list => "energy.regions.list",
    }
}

impl Energy<'_> {
    /// Logs in with the configured `energy.username` / `energy.password` now (calls log in
    /// on first use anyway). Answers the envelope with Usr_Name and Usr_ID.
    pub async fn login(&self) -> Result<Value> {
        let cfg = super::section(self.client.config())?;
        self.client
            .call(
                "energy.auth.login",
                json!({"Usr_Name": cfg.username, "Usr_Password": cfg.password.expose()}),
            )
            .await
    }

    /// Every item of a paged list: [`Client::energy_all_pages`].
    pub async fn all_pages(&self, id: &str, params: Value, per_page: u32) -> Result<Vec<Value>> {
        self.client.energy_all_pages(id, params, per_page).await
    }
}

impl Machines<'_> {
    /// `energy.machines.upload_image` with the image's bytes (`file_name` gives the part's
    /// file name and, by its extension, the content type).
    pub async fn upload_image_bytes(
        &self,
        meter_superior_id: i64,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Value> {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        self.upload_image(json!({
            "Meter_Superior_id": meter_superior_id,
            super::upload::FILE_FIELD: {"base64": data, "file_name": file_name},
        }))
        .await
    }

    /// `energy.machines.upload_image` from a file.
    pub async fn upload_image_file(
        &self,
        meter_superior_id: i64,
        path: impl AsRef<std::path::Path>,
    ) -> Result<Value> {
        let path = path.as_ref().to_str().ok_or_else(|| {
            crate::Error::new(crate::ErrorKind::Encoding, "the image path is not UTF-8")
        })?;
        self.upload_image(json!({
            "Meter_Superior_id": meter_superior_id,
            super::upload::FILE_FIELD: path,
        }))
        .await
    }
}
