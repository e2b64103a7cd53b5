using System.Text;

namespace TransitionTracker.Data.Scheduling;

/// <summary>
/// The tables the scheduler's persistent job store keeps its jobs, triggers, firings and cluster check-ins in
/// (docs/operations.md, "Scheduled jobs"), in the app's own database and created by its migrations: the layout the
/// scheduler (Quartz.NET 4.7) reads and writes, and checks at start, with its default <c>QRTZ_</c> prefix (PostgreSQL folds the unquoted names
/// to lower case, as the scheduler's statements are folded too). Written once here for both providers, so the two
/// migrations cannot drift apart.
/// </summary>
public static class QuartzSchema
{
    private enum Kind
    {
        Text,
        Long,
        Int,
        Small,
        Bool,
        Bytes,
        Number,
    }

    private sealed record Column(string Name, Kind Kind, bool Required = true, string? Default = null);

    private sealed record Table(string Name, Column[] Columns, string[] Key, (string[] Columns, string Table, bool Cascade)? Parent = null);

    private static readonly string[] TriggerKey = ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"];

    private static readonly Table[] Tables =
    [
        new("JOB_DETAILS",
        [
            Name("SCHED_NAME"), Name("JOB_NAME"), Name("JOB_GROUP"), Optional("DESCRIPTION"), Name("JOB_CLASS_NAME"),
            new("IS_DURABLE", Kind.Bool), new("IS_NONCONCURRENT", Kind.Bool), new("IS_UPDATE_DATA", Kind.Bool), new("REQUESTS_RECOVERY", Kind.Bool),
            new("JOB_DATA", Kind.Bytes, false),
        ], ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]),
        new("TRIGGERS",
        [
            Name("SCHED_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), Name("JOB_NAME"), Name("JOB_GROUP"), Optional("DESCRIPTION"),
            new("NEXT_FIRE_TIME", Kind.Long, false), new("PREV_FIRE_TIME", Kind.Long, false), new("PRIORITY", Kind.Int, false),
            Name("TRIGGER_STATE"), Name("TRIGGER_TYPE"), new("START_TIME", Kind.Long), new("END_TIME", Kind.Long, false),
            Optional("CALENDAR_NAME"), new("MISFIRE_INSTR", Kind.Small, false), new("MISFIRE_ORIG_FIRE_TIME", Kind.Long, false),
            Optional("EXECUTION_GROUP"), Optional("PREFERRED_NODE"), new("PREFERRED_NODE_AUTO", Kind.Bool, true, "FALSE"),
            Optional("RETRY_POLICY"), new("RETRY_ATTEMPT", Kind.Int, false), Optional("CONTINUES_TRIGGER_NAME"), Optional("CONTINUES_TRIGGER_GROUP"),
            new("CONTINUATION_CONDITION", Kind.Int, false), new("OVERLAP_POLICY", Kind.Int, false), Optional("PAUSE_REASON"), Optional("PAUSED_BY"),
            new("PAUSED_AT", Kind.Long, false), new("MISFIRE_THRESHOLD", Kind.Long, false), new("FIXED_DELAY", Kind.Bool, false),
            new("JOB_DATA", Kind.Bytes, false),
        ], TriggerKey, (["SCHED_NAME", "JOB_NAME", "JOB_GROUP"], "JOB_DETAILS", false)),
        new("SIMPLE_TRIGGERS",
        [
            Name("SCHED_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), new("REPEAT_COUNT", Kind.Long), new("REPEAT_INTERVAL", Kind.Long),
            new("TIMES_TRIGGERED", Kind.Long),
        ], TriggerKey, (TriggerKey, "TRIGGERS", true)),
        new("CRON_TRIGGERS",
        [
            Name("SCHED_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), Name("CRON_EXPRESSION"), Optional("TIME_ZONE_ID"),
        ], TriggerKey, (TriggerKey, "TRIGGERS", true)),
        new("SIMPROP_TRIGGERS",
        [
            Name("SCHED_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"),
            Optional("STR_PROP_1"), Optional("STR_PROP_2"), Optional("STR_PROP_3"),
            new("INT_PROP_1", Kind.Int, false), new("INT_PROP_2", Kind.Int, false), new("LONG_PROP_1", Kind.Long, false), new("LONG_PROP_2", Kind.Long, false),
            new("DEC_PROP_1", Kind.Number, false), new("DEC_PROP_2", Kind.Number, false), new("BOOL_PROP_1", Kind.Bool, false), new("BOOL_PROP_2", Kind.Bool, false),
            Optional("TIME_ZONE_ID"),
        ], TriggerKey, (TriggerKey, "TRIGGERS", true)),
        new("BLOB_TRIGGERS",
        [
            Name("SCHED_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), new("BLOB_DATA", Kind.Bytes, false),
        ], TriggerKey, (TriggerKey, "TRIGGERS", true)),
        new("CALENDARS", [Name("SCHED_NAME"), Name("CALENDAR_NAME"), new("CALENDAR", Kind.Bytes)], ["SCHED_NAME", "CALENDAR_NAME"]),
        new("PAUSED_TRIGGER_GRPS",
            [Name("SCHED_NAME"), Name("TRIGGER_GROUP"), Optional("PAUSE_REASON"), Optional("PAUSED_BY"), new("PAUSED_AT", Kind.Long, false)],
            ["SCHED_NAME", "TRIGGER_GROUP"]),
        new("PAUSED_JOB_GRPS",
            [Name("SCHED_NAME"), Name("JOB_GROUP"), Optional("PAUSE_REASON"), Optional("PAUSED_BY"), new("PAUSED_AT", Kind.Long, false)],
            ["SCHED_NAME", "JOB_GROUP"]),
        new("FIRED_TRIGGERS",
        [
            Name("SCHED_NAME"), Name("ENTRY_ID"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), Name("INSTANCE_NAME"), new("FIRED_TIME", Kind.Long),
            new("SCHED_TIME", Kind.Long), new("PRIORITY", Kind.Int), Name("STATE"), Optional("JOB_NAME"), Optional("JOB_GROUP"),
            new("IS_NONCONCURRENT", Kind.Bool), new("REQUESTS_RECOVERY", Kind.Bool, false), Optional("EXECUTION_GROUP"),
            new("PROGRESS", Kind.Int, false), Optional("PROGRESS_MESSAGE"), new("INTERRUPT_REQUESTED_TIME", Kind.Long, false),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("SCHEDULER_STATE",
        [
            Name("SCHED_NAME"), Name("INSTANCE_NAME"), new("LAST_CHECKIN_TIME", Kind.Long), new("CHECKIN_INTERVAL", Kind.Long), Optional("QUARTZ_VERSION"),
        ], ["SCHED_NAME", "INSTANCE_NAME"]),
        new("LOCKS", [Name("SCHED_NAME"), Name("LOCK_NAME")], ["SCHED_NAME", "LOCK_NAME"]),
        new("EXECUTION_HISTORY",
        [
            Name("SCHED_NAME"), Name("ENTRY_ID"), Name("INSTANCE_NAME"), Name("JOB_NAME"), Name("JOB_GROUP"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"),
            new("FIRED_TIME", Kind.Long), new("RUN_TIME", Kind.Long), new("SUCCEEDED", Kind.Bool), Optional("ERROR_MESSAGE"),
            new("RETRY_ATTEMPT", Kind.Int, true, "0"), new("RETRY_SCHEDULED", Kind.Bool, true, "FALSE"), Optional("EXECUTION_LOG"),
            new("RESULT", Kind.Int, false), Optional("SUMMARY"), Optional("METRICS"), new("MANUAL", Kind.Bool, false), Optional("FIRE_INSTANCE_ID"),
            Optional("JOB_INPUT"), new("JOB_INPUT_TOO_LARGE", Kind.Bool, false),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("MISFIRE_HISTORY",
        [
            Name("SCHED_NAME"), Name("ENTRY_ID"), Name("INSTANCE_NAME"), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), Optional("JOB_NAME"), Optional("JOB_GROUP"),
            new("MISFIRE_TIME", Kind.Long), new("SCHED_TIME", Kind.Long, false), new("REASON", Kind.Int, false),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("JOB_STATUS",
        [
            Name("SCHED_NAME"), Name("JOB_GROUP"), Name("JOB_NAME"), new("FIRST_FIRED_TIME", Kind.Long), new("LAST_FIRED_TIME", Kind.Long),
            new("LAST_RESULT", Kind.Int), new("LAST_RUN_TIME", Kind.Long), Name("LAST_INSTANCE_NAME"), Optional("LAST_ENTRY_ID"), Optional("LAST_SUMMARY"),
            new("LAST_SUCCESS_TIME", Kind.Long, false), new("LAST_FAILURE_TIME", Kind.Long, false), Optional("LAST_FAILURE_MESSAGE"),
            new("CONSECUTIVE_FAILURES", Kind.Int, true, "0"), new("RUN_COUNT", Kind.Long, true, "0"), new("FAILURE_COUNT", Kind.Long, true, "0"),
        ], ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"]),
    ];

    // The lookups the scheduler makes: by job, calendar and group, the next triggers due (soonest and most urgent
    // first), firings by instance, job and trigger, and its execution and misfire history by time, instance and job.
    private static readonly (string Name, string Table, string[] Columns)[] Indexes =
    [
        ("IDX_QRTZ_J_G_N", "JOB_DETAILS", ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"]),
        ("IDX_QRTZ_T_J", "TRIGGERS", ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]),
        ("IDX_QRTZ_T_G_N", "TRIGGERS", ["SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME"]),
        ("IDX_QRTZ_T_C", "TRIGGERS", ["SCHED_NAME", "CALENDAR_NAME"]),
        ("IDX_QRTZ_T_NFT_ST", "TRIGGERS", ["SCHED_NAME", "TRIGGER_STATE", "NEXT_FIRE_TIME ASC", "PRIORITY DESC", "MISFIRE_INSTR"]),
        ("IDX_QRTZ_FT_INST_JOB_REQ_RCVRY", "FIRED_TRIGGERS", ["SCHED_NAME", "INSTANCE_NAME", "REQUESTS_RECOVERY"]),
        ("IDX_QRTZ_FT_J_G", "FIRED_TRIGGERS", ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]),
        ("IDX_QRTZ_FT_T_G", "FIRED_TRIGGERS", ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"]),
        ("IDX_QRTZ_EH_FIRED_TIME", "EXECUTION_HISTORY", ["SCHED_NAME", "FIRED_TIME"]),
        ("IDX_QRTZ_EH_INST", "EXECUTION_HISTORY", ["SCHED_NAME", "INSTANCE_NAME"]),
        ("IDX_QRTZ_EH_JOB_TIME", "EXECUTION_HISTORY", ["SCHED_NAME", "JOB_GROUP", "JOB_NAME", "FIRED_TIME"]),
        ("IDX_QRTZ_EH_FIRE_INST", "EXECUTION_HISTORY", ["SCHED_NAME", "FIRE_INSTANCE_ID"]),
        ("IDX_QRTZ_EH_TRIG_TIME", "EXECUTION_HISTORY", ["SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME", "FIRED_TIME"]),
        ("IDX_QRTZ_MH_MISFIRE_TIME", "MISFIRE_HISTORY", ["SCHED_NAME", "MISFIRE_TIME"]),
        ("IDX_QRTZ_MH_INST", "MISFIRE_HISTORY", ["SCHED_NAME", "INSTANCE_NAME"]),
    ];

    /// <summary>The statements that create every table and index on <paramref name="provider"/>, in order.</summary>
    public static IReadOnlyList<string> Create(DatabaseProvider provider)
    {
        var statements = new List<string>();
        foreach (var table in Tables)
        {
            var sql = new StringBuilder($"CREATE TABLE QRTZ_{table.Name} (");
            sql.AppendJoin(", ", table.Columns.Select(c =>
                $"{c.Name} {TypeOf(c.Kind, provider)}{(c.Required ? " NOT NULL" : " NULL")}{(c.Default is null ? "" : $" DEFAULT {(provider == DatabaseProvider.Sqlite && c.Default == "FALSE" ? "0" : c.Default)}")}"));
            sql.Append($", PRIMARY KEY ({string.Join(", ", table.Key)})");
            if (table.Parent is { } parent)
            {
                sql.Append($", FOREIGN KEY ({string.Join(", ", parent.Columns)}) REFERENCES QRTZ_{parent.Table} ({string.Join(", ", parent.Columns)})");
                if (parent.Cascade)
                {
                    sql.Append(" ON DELETE CASCADE");
                }
            }

            sql.Append(')');
            statements.Add(sql.ToString());
        }

        // SQLite enforces foreign keys only on connections that ask for it, which the scheduler's may not: a trigger's
        // details go with it all the same.
        if (provider == DatabaseProvider.Sqlite)
        {
            statements.AddRange(Tables.Where(t => t.Parent is { Cascade: true, Table: "TRIGGERS" }).Select(t =>
                $"CREATE TRIGGER QRTZ_DELETE_{t.Name} DELETE ON QRTZ_TRIGGERS BEGIN DELETE FROM QRTZ_{t.Name} WHERE SCHED_NAME = OLD.SCHED_NAME AND TRIGGER_NAME = OLD.TRIGGER_NAME AND TRIGGER_GROUP = OLD.TRIGGER_GROUP; END"));
        }

        statements.AddRange(Indexes.Select(i => $"CREATE INDEX {i.Name} ON QRTZ_{i.Table} ({string.Join(", ", i.Columns)})"));
        return statements;
    }

    /// <summary>The statements that drop every table (and with them their indexes), children first.</summary>
    public static IReadOnlyList<string> Drop() =>
        Tables.Reverse().Select(t => $"DROP TABLE IF EXISTS QRTZ_{t.Name}").ToList();

    private static Column Name(string name) => new(name, Kind.Text);

    private static Column Optional(string name) => new(name, Kind.Text, false);

    private static string TypeOf(Kind kind, DatabaseProvider provider) => (kind, provider) switch
    {
        (Kind.Text, _) => "TEXT",
        (Kind.Long, _) => "BIGINT",
        (Kind.Int, _) => "INTEGER",
        (Kind.Small, DatabaseProvider.Postgres) => "SMALLINT",
        (Kind.Small, _) => "INTEGER",
        (Kind.Bool, DatabaseProvider.Postgres) => "BOOLEAN",
        (Kind.Bool, _) => "BIT",
        (Kind.Bytes, DatabaseProvider.Postgres) => "BYTEA",
        (Kind.Bytes, _) => "BLOB",
        (Kind.Number, _) => "NUMERIC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
