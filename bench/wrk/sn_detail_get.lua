-- wrk script of bench case 1: the GET of ate.sn_detail.get with the token meslink sends
-- (MESLINK_BENCH_TOKEN, from a login before the run).
wrk.method = "GET"
wrk.headers["Authorization"] = os.getenv("MESLINK_BENCH_TOKEN")
wrk.headers["Accept"] = "application/json"
