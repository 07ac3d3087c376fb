"""A test station's MES round: log in, read the work order, upload the unit's serial
number, save the cell's grading record.

    MESLINK_PASSWORD=... python station.py --url http://mes.example.com \
        --work-order 1037020031 --sn BAJ614KM901584Z --barcode 0AVCC26111121G95L0100500

Against the simulator: `meslink-sim` prints its URL; use the password `Windows123.`.
Exit status: 0 done, 2 the MES refused the unit, 1 any other failure.
"""

import argparse
import datetime
import os
import sys

import meslink


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="MES base URL (ATE and grading servers)")
    ap.add_argument("--grading-url", help="grading MES base URL, if not --url")
    ap.add_argument("--emp-no", default="ate", help="员工编号 (login)")
    ap.add_argument("--datasource", default="MES01", help="grading MES account set (账套编码)")
    ap.add_argument("--work-order", default="1037020031")
    ap.add_argument("--sn", default="BAJ614KM901584Z")
    ap.add_argument("--barcode", default="0AVCC26111121G95L0100500")
    args = ap.parse_args()

    config = {
        "ate": {
            "base_url": args.url,
            "emp_no": args.emp_no,
            # Never on the command line, where `ps` shows it.
            "password": os.environ.get("MESLINK_PASSWORD", ""),
        },
        "grading": {"base_url": args.grading_url or args.url, "datasource": args.datasource},
        "timeout_ms": 10000,
    }
    try:
        with meslink.Client(config) as mes:
            who = mes.ate_login()
            print("logged in as %s (%s, company %s)" % (who.emp_no, who.emp_name, who.company))

            before = mes.ate_sn_detail_get(args.work_order)
            print(
                "work order %s: rule %s, %d of %d made, last SN %s"
                % (
                    args.work_order,
                    before.function_name,
                    before.sn_qty,
                    before.target_qty,
                    before.serial_number,
                )
            )

            mes.ate_sn_detail_upload(args.work_order, args.sn)
            after = mes.ate_sn_detail_get(args.work_order)
            print("uploaded %s: SN_QTY %d -> %d" % (args.sn, before.sn_qty, after.sn_qty))

            answer = mes.grading_save(
                battery_station="1-01",
                device_code="FR-07",
                barcode=args.barcode,
                test_time=datetime.datetime.now(),
                work_step="3",
                voltage=3.215,
                electricity=1.5,
                volume=2850.0,
                energy=9.1,
            )
            print("grading record of %s saved: %s" % (args.barcode, answer.get("msg")))
    except meslink.BusinessError as e:
        # The MES refused this unit: the server's own words are in e.server_message.
        print("MES refused: %s" % e.server_message, file=sys.stderr)
        return 2
    except meslink.MeslinkError as e:
        print("MES error (%s): %s" % (e.kind, e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
