//! The records a fresh simulator starts with (with [`crate::SimConfig::seed_data`]): two
//! machines, five meters, alarm and OEE rules, two products, a batch with output, rates.

use serde_json::{json, Value};

use super::alarms::{ALARMS, ALARM_RULES};
use super::batches::BATCHES;
use super::collection::Resource;
use super::machines::MACHINES;
use super::meters::METERS;
use super::oee::OEE_RULES;
use super::output::OUTPUTS;
use super::params::Params;
use super::products::PRODUCTS;
use super::rates::RATES;
use super::EnergyData;

/// Adds `row` through the resource's create fields (defaults and normalisation).
fn add(data: &EnergyData, res: &Resource, row: Value) {
    let params = Params::new(row.as_object().cloned().unwrap_or_default());
    match params.take(res.create, true) {
        Ok(mut row) => {
            if let Some(stamp) = res.stamp {
                row.insert(stamp.into(), json!("2024-01-01 00:00:00"));
            }
            let _ = (res.store)(data).insert(row, None);
        }
        Err(e) => tracing::error!("energy seed row for {} rejected: {e:?}", res.name),
    }
}

pub(super) fn seed(data: &EnergyData) {
    for machine in [
        json!({"Meter_Superior": "染色机1号", "Meter_Department": "东车间", "equipmentCode": "01", "equipmentUnitCode": "0001"}),
        json!({"Meter_Superior": "空压机A", "Meter_Department": "动力车间", "equipmentCode": "02", "equipmentUnitCode": "0002"}),
    ] {
        add(data, &MACHINES, machine);
    }
    for meter in [
        json!({"Meter_Name": "染色机电表", "Meter_Type": "0", "Meter_Superior_id": 1, "Meter_IsCount": "1"}),
        json!({"Meter_Name": "染色工业水表", "Meter_Type": "1", "Meter_Superior_id": 1, "Meter_IsCount": "1", "Meter_Parameter": "F"}),
        json!({"Meter_Name": "空压机电表", "Meter_Type": "0", "Meter_Superior_id": 2, "Meter_IsCount": "1"}),
        json!({"Meter_Name": "天然气总表", "Meter_Type": "8", "Meter_Superior_id": 2, "Meter_IsTotal": "1", "Meter_Parameter": "F"}),
        json!({"Meter_Name": "蒸汽手工表", "Meter_Type": "5", "Meter_Superior_id": 2, "Is_HandWork": 1, "Meter_Parameter": "F"}),
    ] {
        add(data, &METERS, meter);
    }
    for rate in [
        json!({"Rate_Name": "工业电价", "Rate_Type": "0", "Rate_Value": "0.85", "isSegmentation": "0", "Seg_Begin": "08:00:00", "Seg_Begin_Rate": "1.05", "Seg_End": "22:00:00", "Seg_End_Rate": "0.45", "Rate_Unit": "元/千瓦时"}),
        json!({"Rate_Name": "工业水价", "Rate_Type": "1", "Rate_Value": "4.10", "isSegmentation": "1", "Rate_Unit": "元/吨"}),
        json!({"Rate_Name": "天然气价", "Rate_Type": "8", "Rate_Value": "3.60", "isSegmentation": "1", "Rate_Unit": "元/立方米"}),
    ] {
        add(data, &RATES, rate);
    }
    add(
        data,
        &ALARMS,
        json!({"Alarm_Name": "高能耗报警", "Alarm_Type": 1, "Alarm_Level": 2, "Alarm_Notify": 1, "Notify_Address": "platform"}),
    );
    add(
        data,
        &ALARMS,
        json!({"Alarm_Name": "电压异常", "Alarm_Type": 2, "Alarm_Level": 3, "Alarm_Notify": 2, "Notify_Address": "13800000000"}),
    );
    add(
        data,
        &ALARM_RULES,
        json!({"Rule_Name": "染色机每小时电耗", "Alarm_id": 1, "Meter_id": 1, "LowerLimit": 0, "UpperLimit": 120}),
    );
    add(
        data,
        &ALARM_RULES,
        json!({"Rule_Name": "染色机A相电压", "Alarm_id": 2, "Meter_id": 1, "Meter_Parameter": "UA", "LowerLimit": 200, "UpperLimit": 240}),
    );
    for (status, lo, hi) in [("运行", 5.0, 100.0), ("待机", 0.5, 5.0), ("停机", 0.0, 0.5)] {
        add(
            data,
            &OEE_RULES,
            json!({"Rule_Name": format!("染色机{status}"), "Status_Name": status, "Meter_id": 1, "Meter_Parameter": "IA", "LowerLimit": lo, "UpperLimit": hi, "Meter_Superior_id": 1}),
        );
    }
    add(
        data,
        &PRODUCTS,
        json!({"Product_Name": "棉布", "Product_Unit": "米", "Remarks": ""}),
    );
    add(
        data,
        &PRODUCTS,
        json!({"Product_Name": "涤纶布", "Product_Unit": "米", "Remarks": ""}),
    );
    add(
        data,
        &BATCHES,
        json!({"Production_Batch": "B2024001", "Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-01-31 23:59:59"}),
    );
    add(
        data,
        &OUTPUTS,
        json!({"Product_id": 1, "Total_Amount": 1200, "Meter_Superior_id": 1, "Time_Start": "2024-01-02 08:00:00", "Time_End": "2024-01-02 20:00:00", "ProductBatch_id": 1}),
    );
    add(
        data,
        &OUTPUTS,
        json!({"Product_id": 2, "Total_Amount": 800, "Meter_Superior_id": 1, "Time_Start": "2024-01-03 08:00:00", "Time_End": "2024-01-03 16:00:00", "ProductBatch_id": 1}),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_row_is_stored() {
        let data = EnergyData::default();
        seed(&data);
        let counts = [
            (&MACHINES, 2),
            (&METERS, 5),
            (&RATES, 3),
            (&ALARMS, 2),
            (&ALARM_RULES, 2),
            (&OEE_RULES, 3),
            (&PRODUCTS, 2),
            (&BATCHES, 1),
            (&OUTPUTS, 2),
        ];
        for (res, n) in counts {
            assert_eq!((res.store)(&data).len(), n, "{}", res.name);
        }
    }
}
