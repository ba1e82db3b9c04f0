/// The columns that hold one of a fixed set of values, as the stores' migrations fixed them: one list that both
/// stores' migrations read, so that SQLite and PostgreSQL refuse the same values. Fixed once shipped: a value added
/// later (a new outcome, say) is a new migration in each store.
public enum StoredValueSets {
    /// The typed columns and their values, as migration v4 fixed them.
    public static let typedColumnsOfV4: [(table: String, column: String, values: [String])] = [
        ("submission", "subjectKind", ["school", "driver"]),
        ("submission", "source", ["file", "email", "portal", "api", "batch"]),
        ("evaluation", "decision", ["accepted", "referred", "rejected"]),
        ("evaluation", "reason", ["submitted", "revalidated"]),
        ("finding", "severity", ["error", "refer", "warning", "info"]),
        ("officerDecision", "outcome", ["grant", "grant-with-conditions", "refuse", "defer"]),
        ("dbsCheck", "result", ["no-change", "new-information", "not-subscribed"]),
        ("account", "role", ["school", "licensing", "policy", "admin"]),
        ("school", "status", ["open", "closed"]),
        ("definition", "kind", ["form", "rules"]),
        ("audit", "action", auditActionsOfV4),
    ]

    /// The audit actions migration v4 allowed.
    private static let auditActionsOfV4 = [
        "demo", "submit", "decide", "dbs-check", "revalidate", "export", "view", "register-import", "collection-open",
        "account-add", "account-disable", "sign-in", "migrate",
    ]

    /// The audit actions migration v5 allowed: v4's and six more. Later migrations add to them.
    public static let auditActionsOfV5: [String] =
        auditActionsOfV4 + [
            "transfer", "sign-in-failure", "lockout", "lockout-clear", "retention", "subject-export",
        ]
}
