-- wrk script of bench case 2: POSTs the same grading.save body and headers meslink sends.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-request-datasource"] = "MES01"
wrk.body = '{"batteryStation":"ST01","deviceCode":"FR-07","barcode":"WRK-000001",' ..
           '"testTime":"2024-05-06 07:08:09","workStep":"W1","voltage":3.2}'
