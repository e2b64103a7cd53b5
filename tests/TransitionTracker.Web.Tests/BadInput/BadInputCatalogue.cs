using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// How the suite reaches every endpoint with bad input, keyed by method and route pattern as mapped. A form post,
/// a JSON body, a route value or a query parameter without a case here fails
/// <see cref="BadInputCoverageTests.Every_endpoint_that_takes_input_has_bad_input_cases"/>.
/// </summary>
public static class BadInputCatalogue
{
    public static readonly string Admin = DemoAccountSeeder.Administrator;
    public static readonly string National = DemoAccountSeeder.National;
    public static readonly string Regional = DemoAccountSeeder.Regional("Q30");
    public static readonly string Manager = DemoAccountSeeder.PctManager("5D7");
    public static readonly string Lead = DemoAccountSeeder.ConsortiumLead("00G");

    private const string Assessment = "/consortia/00G/assessments/" + BadInputApp.Framework;

    /// <summary>A page's form, posted by someone allowed to use it.</summary>
    public sealed record FormCase(string Key, string? Who, string PageUrl, string FormName, bool NumbersOnly = false)
    {
        public override string ToString() => $"{FormName} on {PageUrl}";
    }

    /// <summary>A page that has no form: a post to it is refused.</summary>
    public sealed record NoFormCase(string Key, string? Who, string Url);

    /// <summary>An endpoint read with each bad value in place of {v}.</summary>
    public sealed record RouteCase(string Key, string? Who, string Template)
    {
        public override string ToString() => Template;
    }

    /// <summary>An endpoint read with each query parameter set to each bad value; <paramref name="Strict"/>: refused, not ignored.</summary>
    public sealed record QueryCase(string Key, string? Who, string Url, string[] Parameters, bool Strict)
    {
        public override string ToString() => Url;
    }

    public sealed record JsonCase(string Key, string? Who, string Method, string Url, string ValidBody)
    {
        public override string ToString() => $"{Method} {Url}";
    }

    public static readonly FormCase[] Forms =
    [
        new("POST /sign-in", null, "/sign-in", "sign-in"),
        new("POST /sign-out", Lead, "/sign-out", "sign-out"),
    ];

    public static readonly NoFormCase[] NoForms =
    [
        new("POST /", National, "/"),
        new("POST /regions/{Code}", National, "/regions/Q30"),
        new("POST /pcts/{Code}", National, "/pcts/5D7"),
        new("POST /pcts/{Code}/quality", Manager, "/pcts/5D7/quality"),
        new("POST /national", National, "/national"),
        new("POST /consortia/{Code}", National, "/consortia/00G"),
        new("POST /consortia/{Code}/actions", National, "/consortia/00G/actions"),
        new("POST /consortia/{Code}/actions/new", Manager, "/consortia/00G/actions/new"),
        new("POST /consortia/{Code}/actions/{Id:int}", Manager, "/consortia/00G/actions/{action}"),
        new("POST /consortia/{Code}/history", National, "/consortia/00G/history"),
        new("POST /consortia/{Code}/assessments/{FrameworkId}", Manager, Assessment),
        new("POST /consortia/{Code}/changes", National, "/consortia/00G/changes"),
        new("POST /consortia/{Code}/formation", National, "/consortia/00G/formation"),
        new("POST /consortia/{Code}/plan", National, "/consortia/00G/plan"),
        new("POST /consortia/{Code}/plan/functions/new", Manager, "/consortia/00G/plan/functions/new"),
        new("POST /consortia/{Code}/plan/functions/{Id:int}", Manager, "/consortia/00G/plan/functions/{function}"),
        new("POST /consortia/{Code}/plan/milestones", Manager, "/consortia/00G/plan/milestones"),
        new("POST /consortia/{Code}/plan/staff/new", Manager, "/consortia/00G/plan/staff/new"),
        new("POST /consortia/{Code}/plan/staff/{Id:int}", Manager, "/consortia/00G/plan/staff/{staff}"),
        new("POST /consortia/{Code}/register", National, "/consortia/00G/register"),
        new("POST /consortia/{Code}/lessons", National, "/consortia/00G/lessons"),
        new("POST /consortia/{Code}/register/new", Manager, "/consortia/00G/register/new"),
        new("POST /consortia/{Code}/register/{Id:int}", Manager, "/consortia/00G/register/{interest}"),
        new("POST /consortia/{Code}/lessons/new", Lead, "/consortia/00G/lessons/new"),
        new("POST /consortia/{Code}/track", Regional, "/consortia/00G/track"),
        new("POST /not-found", null, "/not-found"),
        new("POST /error", null, "/error"),
        new("POST /admin/users", Admin, "/admin/users"),
        new("POST /admin/users/new", Admin, "/admin/users/new"),
        new("POST /admin/users/{Id}", Admin, "/admin/users/{admin}"),
        new("POST /admin/frameworks", Admin, "/admin/frameworks"),
        new("POST /admin/frameworks/upload", Admin, "/admin/frameworks/upload"),
        new("POST /admin/frameworks/{Id}", Admin, "/admin/frameworks/" + BadInputApp.Framework),
        new("POST /search", National, "/search"),
        new("POST /account/notifications", Lead, "/account/notifications"),
    ];

    public static readonly RouteCase[] Routes =
    [
        new("GET /regions/{Code}", National, "/regions/{v}"),
        new("GET /pcts/{Code}", National, "/pcts/{v}"),
        new("GET /regions/{code}/consortia.csv", National, "/regions/{v}/consortia.csv"),
        new("GET /regions/{code}/heatmap.csv", National, "/regions/{v}/heatmap.csv"),
        new("GET /regions/{code}/consortia.xlsx", National, "/regions/{v}/consortia.xlsx"),
        new("GET /regions/{code}/heatmap.xlsx", National, "/regions/{v}/heatmap.xlsx"),
        new("GET /national/{table}.csv", National, "/national/{v}.csv"),
        new("GET /national/{table}.xlsx", National, "/national/{v}.xlsx"),
        new("GET /api/regions/{code}/summary", National, "/api/regions/{v}/summary"),
        new("GET /pcts/{Code}/quality", Manager, "/pcts/{v}/quality"),
        new("GET /pcts/{code}/quality/template.csv", Manager, "/pcts/{v}/quality/template.csv"),
        new("GET /consortia/{Code}", National, "/consortia/{v}"),
        new("GET /consortia/{Code}/actions", National, "/consortia/{v}/actions"),
        new("GET /consortia/{Code}/assessments/{FrameworkId}", Manager, "/consortia/{v}/assessments/" + BadInputApp.Framework),
        new("GET /consortia/{Code}/assessments/{FrameworkId}", Manager, "/consortia/00G/assessments/{v}"),
        new("GET /consortia/{Code}/history", National, "/consortia/{v}/history"),
        new("GET /consortia/{Code}/track", Regional, "/consortia/{v}/track"),
        new("GET /api/consortia/{code}/readiness", National, "/api/consortia/{v}/readiness"),
        new("GET /api/consortia/{code}/forecast", National, "/api/consortia/{v}/forecast"),
        new("GET /api/consortia/{code}/peers", National, "/api/consortia/{v}/peers"),
        new("GET /api/pcts/{code}/practices/{practice}/membership/", Manager, "/api/pcts/{v}/practices/A86003/membership"),
        new("GET /api/pcts/{code}/practices/{practice}/membership/", Manager, "/api/pcts/5D7/practices/{v}/membership"),
        new("POST /api/pcts/{code}/practices/{practice}/membership/", Manager, "/api/pcts/{v}/practices/A86003/membership"),
        new("POST /api/pcts/{code}/practices/{practice}/membership/", Manager, "/api/pcts/5D7/practices/{v}/membership"),
        new("GET /api/pcts/{code}/quality/", National, "/api/pcts/{v}/quality"),
        new("GET /api/pcts/{code}/quality/{month}", National, "/api/pcts/{v}/quality/2011-03"),
        new("GET /api/pcts/{code}/quality/{month}", National, "/api/pcts/5D7/quality/{v}"),
        new("PUT /api/pcts/{code}/quality/{month}", Manager, "/api/pcts/{v}/quality/2011-03"),
        new("PUT /api/pcts/{code}/quality/{month}", Manager, "/api/pcts/5D7/quality/{v}"),
        new("POST /api/pcts/{code}/quality/import", Manager, "/api/pcts/{v}/quality/import"),
        new("GET /api/consortia/{code}/actions/", National, "/api/consortia/{v}/actions"),
        new("POST /api/consortia/{code}/actions/", Manager, "/api/consortia/{v}/actions"),
        new("PUT /api/consortia/{code}/actions/{id:int}", Manager, "/api/consortia/{v}/actions/{action}"),
        new("PUT /api/consortia/{code}/actions/{id:int}", Manager, "/api/consortia/00G/actions/{v}"),
        new("GET /api/consortia/{code}/interests/", National, "/api/consortia/{v}/interests"),
        new("POST /api/consortia/{code}/interests/", Manager, "/api/consortia/{v}/interests"),
        new("PUT /api/consortia/{code}/interests/{id:int}", Manager, "/api/consortia/{v}/interests/{interest}"),
        new("PUT /api/consortia/{code}/interests/{id:int}", Manager, "/api/consortia/00G/interests/{v}"),
        new("GET /api/consortia/{code}/lessons/", National, "/api/consortia/{v}/lessons"),
        new("POST /api/consortia/{code}/lessons/", Lead, "/api/consortia/{v}/lessons"),
        new("GET /api/consortia/{code}/plan/", National, "/api/consortia/{v}/plan"),
        new("POST /api/consortia/{code}/plan/functions", Manager, "/api/consortia/{v}/plan/functions"),
        new("PUT /api/consortia/{code}/plan/functions/{id:int}", Manager, "/api/consortia/{v}/plan/functions/{function}"),
        new("PUT /api/consortia/{code}/plan/functions/{id:int}", Manager, "/api/consortia/00G/plan/functions/{v}"),
        new("POST /api/consortia/{code}/plan/staff", Manager, "/api/consortia/{v}/plan/staff"),
        new("PUT /api/consortia/{code}/plan/staff/{id:int}", Manager, "/api/consortia/{v}/plan/staff/{staff}"),
        new("PUT /api/consortia/{code}/plan/staff/{id:int}", Manager, "/api/consortia/00G/plan/staff/{v}"),
        new("PUT /api/consortia/{code}/plan/milestones", Manager, "/api/consortia/{v}/plan/milestones"),
        new("GET /api/users/{id}", Admin, "/api/users/{v}"),
        new("POST /api/users/{id}/roles", Admin, "/api/users/{v}/roles"),
        new("DELETE /api/users/{id}/roles/{assignmentId:int}", Admin, "/api/users/{v}/roles/1?revision=0"),
        new("DELETE /api/users/{id}/roles/{assignmentId:int}", Admin, "/api/users/{admin}/roles/{v}?revision=0"),
        new("POST /api/users/{id}/disable", Admin, "/api/users/{v}/disable"),
        new("POST /api/users/{id}/enable", Admin, "/api/users/{v}/enable"),
        new("GET /api/consortia/{code}/formation", National, "/api/consortia/{v}/formation"),
        new("POST /api/consortia/{code}/stage", Regional, "/api/consortia/{v}/stage"),
        new("POST /api/consortia/{code}/merge", Regional, "/api/consortia/{v}/merge"),
        new("POST /api/consortia/{code}/split", Regional, "/api/consortia/{v}/split"),
        new("GET /api/consortia/{code}/track-decision/", National, "/api/consortia/{v}/track-decision"),
        new("POST /api/consortia/{code}/track-decision/", Regional, "/api/consortia/{v}/track-decision"),
        new("GET /api/consortia/{code}/assessments/", National, "/api/consortia/{v}/assessments"),
        new("GET /api/consortia/{code}/assessments/current", Manager, "/api/consortia/{v}/assessments/current"),
        new("PUT /api/consortia/{code}/assessments/current", Manager, "/api/consortia/{v}/assessments/current"),
        new("POST /api/consortia/{code}/assessments/current/submit", Manager, "/api/consortia/{v}/assessments/current/submit"),
        new("PATCH /api/consortia/{code}/assessments/current/answers", Manager, "/api/consortia/{v}/assessments/current/answers"),
        new("POST /api/assessments/{id:int}/answers/{criterion}/attachments/", Manager, "/api/assessments/{v}/answers/GOV-01/attachments"),
        new("POST /api/assessments/{id:int}/answers/{criterion}/attachments/", Manager, "/api/assessments/{assessment}/answers/{v}/attachments"),
        new("GET /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{v}/answers/GOV-01/attachments/{file}"),
        new("GET /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{assessment}/answers/{v}/attachments/{file}"),
        new("GET /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{assessment}/answers/GOV-01/attachments/{v}"),
        new("DELETE /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{v}/answers/GOV-01/attachments/{file}"),
        new("DELETE /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{assessment}/answers/{v}/attachments/{file}"),
        new("DELETE /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}", Manager, "/api/assessments/{assessment}/answers/GOV-01/attachments/{v}"),
        new("GET /consortia/{Code}/actions/new", Manager, "/consortia/{v}/actions/new"),
        new("GET /consortia/{Code}/actions/{Id:int}", Manager, "/consortia/{v}/actions/{action}"),
        new("GET /consortia/{Code}/actions/{Id:int}", Manager, "/consortia/00G/actions/{v}"),
        new("GET /consortia/{Code}/changes", National, "/consortia/{v}/changes"),
        new("GET /consortia/{Code}/formation", National, "/consortia/{v}/formation"),
        new("GET /consortia/{Code}/plan", National, "/consortia/{v}/plan"),
        new("GET /consortia/{Code}/plan/functions/new", Manager, "/consortia/{v}/plan/functions/new"),
        new("GET /consortia/{Code}/plan/functions/{Id:int}", Manager, "/consortia/{v}/plan/functions/{function}"),
        new("GET /consortia/{Code}/plan/functions/{Id:int}", Manager, "/consortia/00G/plan/functions/{v}"),
        new("GET /consortia/{Code}/plan/milestones", Manager, "/consortia/{v}/plan/milestones"),
        new("GET /consortia/{Code}/plan/staff/new", Manager, "/consortia/{v}/plan/staff/new"),
        new("GET /consortia/{Code}/plan/staff/{Id:int}", Manager, "/consortia/{v}/plan/staff/{staff}"),
        new("GET /consortia/{Code}/plan/staff/{Id:int}", Manager, "/consortia/00G/plan/staff/{v}"),
        new("GET /consortia/{Code}/register", National, "/consortia/{v}/register"),
        new("GET /consortia/{Code}/register/new", Manager, "/consortia/{v}/register/new"),
        new("GET /consortia/{Code}/register/{Id:int}", Manager, "/consortia/{v}/register/{interest}"),
        new("GET /consortia/{Code}/register/{Id:int}", Manager, "/consortia/00G/register/{v}"),
        new("GET /consortia/{Code}/lessons", National, "/consortia/{v}/lessons"),
        new("GET /consortia/{code}/lessons.csv", National, "/consortia/{v}/lessons.csv"),
        new("GET /consortia/{code}/lessons.xlsx", National, "/consortia/{v}/lessons.xlsx"),
        new("GET /consortia/{code}/changes.csv", National, "/consortia/{v}/changes.csv"),
        new("GET /consortia/{code}/changes.xlsx", National, "/consortia/{v}/changes.xlsx"),
        new("GET /consortia/{code}/members.csv", National, "/consortia/{v}/members.csv"),
        new("GET /consortia/{code}/members.xlsx", National, "/consortia/{v}/members.xlsx"),
        new("GET /consortia/{code}/register.csv", National, "/consortia/{v}/register.csv"),
        new("GET /consortia/{code}/register.xlsx", National, "/consortia/{v}/register.xlsx"),
        new("GET /consortia/{code}/actions.csv", National, "/consortia/{v}/actions.csv"),
        new("GET /consortia/{code}/actions.xlsx", National, "/consortia/{v}/actions.xlsx"),
        new("GET /pcts/{code}/practices.csv", National, "/pcts/{v}/practices.csv"),
        new("GET /pcts/{code}/practices.xlsx", National, "/pcts/{v}/practices.xlsx"),
        new("GET /consortia/{Code}/lessons/new", Lead, "/consortia/{v}/lessons/new"),
        new("GET /admin/users/{Id}", Admin, "/admin/users/{v}"),
        new("GET /admin/frameworks/{Id}", Admin, "/admin/frameworks/{v}"),
        new("GET /api/frameworks/{id}", National, "/api/frameworks/{v}"),
        new("GET /api/consortia/{code}", National, "/api/consortia/{v}"),
        new("GET /openapi/{documentName}.json", null, "/openapi/{v}.json"),
    ];

    public static readonly QueryCase[] Queries =
    [
        new("GET /regions/{Code}", National, "/regions/Q30", ["sort", "dir", "pct", "track", "stage", "forecast", "q", "page", "from", "to"], Strict: false),
        new("GET /national", National, "/national", ["from", "to"], Strict: false),
        new("GET /search", National, "/search", ["q"], Strict: false),
        new("GET /pcts/{Code}", National, "/pcts/5D7", ["q", "sort", "dir", "page"], Strict: false),
        new("GET /admin/users", Admin, "/admin/users", ["q", "role", "status", "sort", "dir", "page"], Strict: false),
        new("GET /admin/frameworks/{Id}", Admin, "/admin/frameworks/" + BadInputApp.Framework, ["version"], Strict: false),
        new("GET /consortia/{Code}/changes", National, "/consortia/00G/changes", ["q", "kind", "order", "page"], Strict: false),
        new("GET /consortia/{Code}/register", National, "/consortia/00G/register", ["q", "sort", "dir", "page"], Strict: false),
        new("GET /consortia/{Code}/lessons", National, "/consortia/00G/lessons", ["q", "domain", "sort", "dir", "page"], Strict: false),
        new("GET /consortia/{code}/lessons.csv", National, "/consortia/00G/lessons.csv", ["domain", "sort", "dir"], Strict: true),
        new("GET /consortia/{code}/lessons.xlsx", National, "/consortia/00G/lessons.xlsx", ["domain", "sort", "dir"], Strict: true),

        // Any text is a search of the lessons (it may find none); one too long is refused.
        new("GET /consortia/{code}/lessons.csv", National, "/consortia/00G/lessons.csv", ["q"], Strict: false),
        new("GET /consortia/{code}/lessons.xlsx", National, "/consortia/00G/lessons.xlsx", ["q"], Strict: false),
        new("GET /consortia/{code}/register.csv", National, "/consortia/00G/register.csv", ["sort", "dir"], Strict: true),
        new("GET /consortia/{code}/register.xlsx", National, "/consortia/00G/register.xlsx", ["sort", "dir"], Strict: true),
        new("GET /consortia/{code}/register.csv", National, "/consortia/00G/register.csv", ["q"], Strict: false),
        new("GET /consortia/{code}/members.csv", National, "/consortia/00G/members.csv", ["q"], Strict: false),
        new("GET /consortia/{code}/changes.csv", National, "/consortia/00G/changes.csv", ["kind", "order"], Strict: true),
        new("GET /consortia/{code}/changes.xlsx", National, "/consortia/00G/changes.xlsx", ["kind", "order"], Strict: true),
        new("GET /consortia/{code}/changes.csv", National, "/consortia/00G/changes.csv", ["q"], Strict: false),
        new("GET /consortia/{code}/changes.xlsx", National, "/consortia/00G/changes.xlsx", ["q"], Strict: false),
        new("GET /consortia/{code}/members.xlsx", National, "/consortia/00G/members.xlsx", ["q"], Strict: false),
        new("GET /consortia/{code}/register.xlsx", National, "/consortia/00G/register.xlsx", ["q"], Strict: false),
        new("GET /pcts/{code}/practices.csv", National, "/pcts/5D7/practices.csv", ["sort", "dir"], Strict: true),
        new("GET /pcts/{code}/practices.xlsx", National, "/pcts/5D7/practices.xlsx", ["sort", "dir"], Strict: true),
        new("GET /pcts/{code}/practices.csv", National, "/pcts/5D7/practices.csv", ["q"], Strict: false),
        new("GET /pcts/{code}/practices.xlsx", National, "/pcts/5D7/practices.xlsx", ["q"], Strict: false),
        new("GET /admin/users.csv", Admin, "/admin/users.csv", ["role", "status", "sort", "dir"], Strict: true),
        new("GET /admin/users.xlsx", Admin, "/admin/users.xlsx", ["role", "status", "sort", "dir"], Strict: true),
        new("GET /admin/users.csv", Admin, "/admin/users.csv", ["q"], Strict: false),
        new("GET /admin/users.xlsx", Admin, "/admin/users.xlsx", ["q"], Strict: false),
        new("GET /consortia/{Code}/assessments/{FrameworkId}", Manager, Assessment, ["domain"], Strict: false),
        new("GET /consortia/{Code}", National, "/consortia/00G", ["tab", "domain", "decide"], Strict: false),
        new("GET /consortia/{Code}", Regional, "/consortia/00G", ["decide"], Strict: false),
        new("GET /consortia/{Code}/history", National, "/consortia/00G/history", ["submitted", "assessment"], Strict: false),
        new("GET /consortia/{Code}/actions/new", Manager, "/consortia/00G/actions/new", ["criterion"], Strict: false),
        new("GET /sign-in", null, "/sign-in", ["ReturnUrl", "SignedOut"], Strict: false),
        new("GET /api/consortia/", National, "/api/consortia", ["region", "pct", "track"], Strict: true),
        new("GET /api/frameworks/{id}", National, "/api/frameworks/" + BadInputApp.Framework, ["version"], Strict: true),
        new("GET /api/users/", Admin, "/api/users", ["role", "status", "sort", "dir", "page"], Strict: true),

        // Any text is a search of the users (it may find none); one too long is refused.
        new("GET /api/users/", Admin, "/api/users", ["q"], Strict: false),
        new("GET /regions/{code}/consortia.csv", National, "/regions/Q30/consortia.csv", ["sort", "dir", "pct", "track", "stage", "forecast"], Strict: true),

        // Any text is a search (it may find nothing); one too long is refused, as an unusable filter is.
        new("GET /regions/{code}/consortia.csv", National, "/regions/Q30/consortia.csv", ["q"], Strict: false),
        new("GET /regions/{code}/consortia.xlsx", National, "/regions/Q30/consortia.xlsx", ["sort", "dir", "pct", "track", "stage", "forecast"], Strict: true),
        new("GET /regions/{code}/consortia.xlsx", National, "/regions/Q30/consortia.xlsx", ["q"], Strict: false),
        new("GET /national/{table}.csv", National, "/national/competencies.csv", ["from", "to"], Strict: true),
        new("GET /national/{table}.xlsx", National, "/national/dashboard.xlsx", ["from", "to"], Strict: true),
        new("GET /api/consortia/{code}/assessments/current", Manager, "/api/consortia/00G/assessments/current", ["framework"], Strict: true),
        new("GET /api/pcts/{code}/quality/", National, "/api/pcts/5D7/quality", ["months"], Strict: true),
        new("GET /dev/baseline", null, "/dev/baseline", ["bytes"], Strict: true),
        new("GET /api/identity/confirmEmail", null, "/api/identity/confirmEmail", ["userId", "code", "changedEmail"], Strict: true),
    ];

    public static readonly JsonCase[] Json =
    [
        new("POST /api/scoring/evaluate", National, "POST", "/api/scoring/evaluate", """{"framework":"gp-consortium-readiness-2010","responses":[]}"""),
        new("PUT /api/consortia/{code}/assessments/current", Manager, "PUT", "/api/consortia/00G/assessments/current", """{"responses":[]}"""),
        new("POST /api/consortia/{code}/assessments/current/submit", Manager, "POST", "/api/consortia/00G/assessments/current/submit", """{"revision":0}"""),
        new("PATCH /api/consortia/{code}/assessments/current/answers", Manager, "PATCH", "/api/consortia/00G/assessments/current/answers", """{"revision":1,"answers":[]}"""),
        new("POST /api/consortia/{code}/track-decision/", Regional, "POST", "/api/consortia/00G/track-decision", """{"track":"fast-mover","reason":"Bad input check","revision":0}"""),
        new("POST /api/pcts/{code}/practices/{practice}/membership/", Manager, "POST", "/api/pcts/5D7/practices/A86003/membership", """{"from":"00G","consortium":"00H","date":"2999-01-01"}"""),
        new("POST /api/consortia/{code}/stage", Regional, "POST", "/api/consortia/00G/stage", """{"from":"shadow","stage":"pathfinder","date":"2999-01-01"}"""),
        new("POST /api/consortia/{code}/merge", Regional, "POST", "/api/consortia/00G/merge", """{"into":"00H","date":"2999-01-01"}"""),
        new("POST /api/consortia/{code}/split", Regional, "POST", "/api/consortia/00G/split", """{"code":"NEW01","name":"New","practices":["A86003"],"date":"2999-01-01"}"""),
        new("POST /api/consortia/{code}/actions/", Manager, "POST", "/api/consortia/00G/actions", """{"criterion":"GOV-01","description":"Bad input check","owner":"PCT","dueOn":"1999-01-01"}"""),
        new("POST /api/consortia/{code}/interests/", Manager, "POST", "/api/consortia/00G/interests", """{"person":"Bad input check","interest":"Bad input check","declaredOn":"2999-01-01","management":"Bad input check"}"""),
        new("POST /api/consortia/{code}/lessons/", Lead, "POST", "/api/consortia/00G/lessons", """{"domain":"no-such-domain","title":"Bad input check","body":"Bad input check"}"""),
        new("POST /api/consortia/{code}/plan/functions", Manager, "POST", "/api/consortia/00G/plan/functions", """{"name":"Bad input check","receivingBody":"Consortium","status":"NotStarted","targetOn":"2012-03-31"}"""),
        new("POST /api/consortia/{code}/plan/staff", Manager, "POST", "/api/consortia/00G/plan/staff", """{"function":"Bad input check","headcount":1,"destination":"Consortium"}"""),
        new("PUT /api/consortia/{code}/plan/milestones", Manager, "PUT", "/api/consortia/00G/plan/milestones", """{"shadowFormed":{"plannedOn":null,"actualOn":null,"revision":0},"pathfinder":{"plannedOn":null,"actualOn":null,"revision":0},"delegatedBudget":{"plannedOn":null,"actualOn":null,"revision":0},"authorised":{"plannedOn":null,"actualOn":null,"revision":0}}"""),
        new("PUT /api/pcts/{code}/quality/{month}", Manager, "PUT", "/api/pcts/5D7/quality/1999-01", """{"qippPlanned":1200,"qippDelivered":1100,"emergencyChange":1,"winterPlan":"agreed","rttAdmitted":91,"rttNonAdmitted":96}"""),
        new("POST /api/frameworks/preview", Admin, "POST", "/api/frameworks/preview", """{"id":"bad-input-check","name":"Bad input check"}"""),
        new("POST /api/frameworks/", Admin, "POST", "/api/frameworks", """{"id":"bad-input-check","name":"Bad input check"}"""),
        new("POST /api/users/", Admin, "POST", "/api/users", """{"email":"bad.input@example.nhs.uk","displayName":"Bad input check","password":"Transition-2010-check"}"""),

        // To a user who does not exist, so that no body changes anyone: a body is read before the user is looked up.
        new("POST /api/users/{id}/roles", Admin, "POST", "/api/users/no-such-user/roles", """{"role":"NationalViewer","revision":0}"""),
        new("POST /api/users/{id}/disable", Admin, "POST", "/api/users/no-such-user/disable", """{"revision":0}"""),
        new("POST /api/users/{id}/enable", Admin, "POST", "/api/users/no-such-user/enable", """{"revision":0}"""),
        new("POST /api/identity/login", null, "POST", "/api/identity/login", """{"email":"nobody@example.nhs.uk","password":"Wrong-password-2010"}"""),
        new("POST /api/identity/refresh", null, "POST", "/api/identity/refresh", """{"refreshToken":"not-a-token"}"""),
        new("POST /api/identity/register", null, "POST", "/api/identity/register", """{"email":"new@example.nhs.uk","password":"Some-password-2010"}"""),
        new("POST /api/identity/resendConfirmationEmail", null, "POST", "/api/identity/resendConfirmationEmail", """{"email":"admin@demo.test"}"""),
        new("POST /api/identity/forgotPassword", null, "POST", "/api/identity/forgotPassword", """{"email":"admin@demo.test"}"""),
        new("POST /api/identity/resetPassword", null, "POST", "/api/identity/resetPassword", """{"email":"admin@demo.test","resetCode":"x","newPassword":"Some-password-2010"}"""),
        new("POST /api/identity/manage/2fa", Manager, "POST", "/api/identity/manage/2fa", "{}"),
        new("POST /api/identity/manage/info", Manager, "POST", "/api/identity/manage/info", "{}"),
    ];

    /// <summary>Every key the catalogue covers.</summary>
    public static IEnumerable<string> Keys =>
        Forms.Select(f => f.Key).Concat(NoForms.Select(f => f.Key)).Concat(Routes.Select(r => r.Key))
            .Concat(Queries.Select(q => q.Key)).Concat(Json.Select(j => j.Key));
}
