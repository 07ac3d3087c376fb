    // The fixture call (tests/generator/fixture_call.sh adds this row in a copy of the tree).
    CallSpec {
        id: "grading.fixture.echo",
        server: Server::Grading,
        method: HttpMethod::Post,
        path: "/api/fixture/echo",
        body: BodyEncoding::Json,
        params: &[
            p("cellCode", Text, Body, true, "电芯码"),
            p("capacityMah", Number, Body, false, "容量"),
        ],
        retry: RetryClass::Safe,
        spoolable: false,
        summary: "A call that exists only in the generator's fixture catalog",
        answer: Answer::Json,
        record: None,
        c_export: true,
        handling: Handling::Plain,
    },
