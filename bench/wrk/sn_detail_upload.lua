-- wrk script of bench case 1: the form POST of ate.sn_detail.upload with the token meslink
-- sends (MESLINK_BENCH_TOKEN, from a login before the run).
wrk.method = "POST"
wrk.headers["Authorization"] = os.getenv("MESLINK_BENCH_TOKEN")
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "work_order=1037020031&sn=BWJ614KM900001Z"
