using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Access;

/// <summary>
/// Every endpoint the app maps, for anonymous users and for each role in and out of scope. A new endpoint without
/// an entry here fails <see cref="Every_endpoint_is_in_the_matrix"/>.
/// </summary>
// Its own copy of the seeded database: it submits 00G's draft, which would change what the shared tests read.
public sealed class AuthorizationMatrixTests(TransitionTrackerFactory factory) : IClassFixture<TransitionTrackerFactory>
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not: 200.</summary>
        Public,

        /// <summary>Any signed-in user: the answer in <see cref="Entry.SignedIn"/> (200 unless it says otherwise); anonymous: sign-in (pages) or 401 (API).</summary>
        SignedIn,

        /// <summary>About one organisation: 200 in scope, 404 out of scope.</summary>
        Region,
        Pct,
        Consortium,

        /// <summary>Changing one consortium's records: 200 for a PCT manager of a linked PCT (5D7 on 00G), 404 for everyone else.</summary>
        ConsortiumEdit,

        /// <summary>
        /// Confirming or overriding a consortium's track: the answer in <see cref="Entry.SignedIn"/> (the former decision
        /// page redirects to the consortium page's dialog) for the regional lead of its region (Q30 on 00G), 404 for everyone else.
        /// </summary>
        ConsortiumReview,

        /// <summary>Writing a consortium's lessons: 200 for its lead (00G) and for a PCT manager who may edit it (5D7 on 00G), 404 for everyone else.</summary>
        LessonWriter,

        /// <summary>Entering one PCT's quality indicators: 200 for a manager of that PCT (5D7 on 5D7), 404 for everyone else.</summary>
        PctEdit,

        /// <summary>The national dashboard: 200 for national viewers and administrators, 404 for other signed-in users.</summary>
        National,

        /// <summary>Administrators: the answer in <see cref="Entry.SignedIn"/> (200 unless it says otherwise); other signed-in users: 404.</summary>
        Administrator,

        /// <summary>Identity's own sign-in endpoints: anonymous by design, they answer for the credentials posted.</summary>
        IdentitySignIn,

        /// <summary>The framework's redirect helper: needs sign-in, then refuses a request without its protected address (400).</summary>
        FrameworkRedirect,

        /// <summary>Identity endpoints switched off (accounts are made by administrators): 404 for everyone.</summary>
        Disabled,

        /// <summary>
        /// The interactive circuit's hub (SignalR): anonymous gets the sign-in challenge; a signed-in user gets the
        /// hub's own answer to the request as sent (<see cref="Entry.SignedIn"/>), as no circuit is opened by it.
        /// </summary>
        Circuit,
    }

    private sealed record Entry(Access Access, string Method, Func<string, string>? Url = null, string? JsonBody = null, string SignedIn = "200");

    private sealed record Who(string Name, string? Email, string? Region, string? Pct, string? Consortium, bool IsAdmin)
    {
        public override string ToString() => Name;
    }

    // Route pattern (as mapped) → how to call it. {0} in the URL takes the scope code under test.
    private static readonly Dictionary<string, Entry> Matrix = new()
    {
        ["GET /"] = new(Access.SignedIn, "GET"),
        ["GET /regions/{Code}"] = new(Access.Region, "GET", c => $"/regions/{c}"),
        ["GET /pcts/{Code}"] = new(Access.Pct, "GET", c => $"/pcts/{c}"),
        ["GET /regions/{code}/consortia.csv"] = new(Access.Region, "GET", c => $"/regions/{c}/consortia.csv?sort=score&dir=desc"),
        ["GET /regions/{code}/heatmap.csv"] = new(Access.Region, "GET", c => $"/regions/{c}/heatmap.csv"),
        ["GET /regions/{code}/consortia.xlsx"] = new(Access.Region, "GET", c => $"/regions/{c}/consortia.xlsx?sort=score&dir=desc"),
        ["GET /regions/{code}/heatmap.xlsx"] = new(Access.Region, "GET", c => $"/regions/{c}/heatmap.xlsx"),
        ["GET /national/{table}.csv"] = new(Access.National, "GET", _ => "/national/regions.csv"),
        ["GET /national/{table}.xlsx"] = new(Access.National, "GET", _ => "/national/dashboard.xlsx"),
        ["GET /api/regions/{code}/summary"] = new(Access.Region, "GET", c => $"/api/regions/{c}/summary"),
        ["GET /national"] = new(Access.National, "GET", _ => "/national"),
        ["GET /api/national/summary"] = new(Access.National, "GET", _ => "/api/national/summary"),
        ["GET /pcts/{Code}/quality"] = new(Access.PctEdit, "GET", c => $"/pcts/{c}/quality"),
        // A86003 is a practice of 5D7; the move sent is refused for its date, so the matrix changes nothing.
        ["GET /api/pcts/{code}/practices/{practice}/membership/"] = new(Access.PctEdit, "GET", c => $"/api/pcts/{c}/practices/A86003/membership"),
        ["POST /api/pcts/{code}/practices/{practice}/membership/"] = new(Access.PctEdit, "POST", c => $"/api/pcts/{c}/practices/A86003/membership", """{"date":"not a date"}""", SignedIn: "400"),
        ["GET /pcts/{code}/quality/template.csv"] = new(Access.PctEdit, "GET", c => $"/pcts/{c}/quality/template.csv"),
        // March 2011 is reported for every PCT; the figures put are implausible and the file is sent as JSON, not CSV, so the matrix changes nothing.
        ["GET /api/pcts/{code}/quality/"] = new(Access.Pct, "GET", c => $"/api/pcts/{c}/quality"),
        ["GET /api/pcts/{code}/quality/{month}"] = new(Access.Pct, "GET", c => $"/api/pcts/{c}/quality/2011-03"),
        ["PUT /api/pcts/{code}/quality/{month}"] = new(Access.PctEdit, "PUT", c => $"/api/pcts/{c}/quality/2011-03", """{"emergencyChange":999,"revision":1}""", SignedIn: "400"),
        ["POST /api/pcts/{code}/quality/import"] = new(Access.PctEdit, "POST", c => $"/api/pcts/{c}/quality/import", """{"month":"2011-03"}""", SignedIn: "415"),
        ["GET /consortia/{Code}"] = new(Access.Consortium, "GET", c => $"/consortia/{c}"),
        ["GET /consortia/{Code}/actions"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/actions"),
        ["GET /consortia/{Code}/assessments/{FrameworkId}"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/assessments/gp-consortium-readiness-2010"),
        ["GET /consortia/{Code}/history"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/history"),
        ["GET /consortia/{Code}/track"] = new(Access.ConsortiumReview, "GET", c => $"/consortia/{c}/track", SignedIn: "302"),
        ["GET /api/consortia/{code}/formation"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/formation"),
        // Sent with a date that is not one, so the matrix records nothing.
        ["POST /api/consortia/{code}/stage"] = new(Access.ConsortiumReview, "POST", c => $"/api/consortia/{c}/stage", """{"date":"not a date"}""", SignedIn: "400"),
        ["POST /api/consortia/{code}/merge"] = new(Access.ConsortiumReview, "POST", c => $"/api/consortia/{c}/merge", """{"date":"not a date"}""", SignedIn: "400"),
        ["POST /api/consortia/{code}/split"] = new(Access.ConsortiumReview, "POST", c => $"/api/consortia/{c}/split", """{"date":"not a date"}""", SignedIn: "400"),
        ["GET /api/consortia/{code}/track-decision/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/track-decision"),
        ["POST /api/consortia/{code}/track-decision/"] = new(Access.ConsortiumReview, "POST", c => $"/api/consortia/{c}/track-decision", """{"track":"fast-mover","reason":"Checked by the matrix","revision":{decision}}"""),
        ["GET /api/consortia/{code}/readiness"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/readiness"),
        ["GET /api/consortia/{code}/forecast"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/forecast"),
        ["GET /api/consortia/{code}/peers"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/peers"),
        ["GET /api/consortia/{code}/assessments/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/assessments"),
        ["GET /api/consortia/{code}/assessments/current"] = new(Access.ConsortiumEdit, "GET", c => $"/api/consortia/{c}/assessments/current"),
        ["PUT /api/consortia/{code}/assessments/current"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/assessments/current", """{"revision":{revision},"responses":[]}"""),
        ["PATCH /api/consortia/{code}/assessments/current/answers"] = new(Access.ConsortiumEdit, "PATCH", c => $"/api/consortia/{c}/assessments/current/answers", """{"revision":{revision},"answers":[]}"""),
        ["POST /api/consortia/{code}/assessments/current/submit"] = new(Access.ConsortiumEdit, "POST", c => $"/api/consortia/{c}/assessments/current/submit", """{"revision":{revision}}"""),
        // {assessment:code}: the consortium's newest assessment (00G's draft for its editor); {evidence:code}: a file on its
        // newest submitted one. The upload is sent as JSON and the removal is of a submitted assessment's file, so the matrix changes nothing.
        ["POST /api/assessments/{id:int}/answers/{criterion}/attachments/"] = new(Access.ConsortiumEdit, "POST", c => $"/api/assessments/{{assessment:{c}}}/answers/GOV-01/attachments", """{"file":"not a file"}""", SignedIn: "415"),
        ["GET /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}"] = new(Access.Consortium, "GET", c => $"/api/assessments/{{evidence:{c}}}"),
        ["DELETE /api/assessments/{id:int}/answers/{criterion}/attachments/{attachmentId:int}"] = new(Access.ConsortiumEdit, "DELETE", c => $"/api/assessments/{{evidence:{c}}}", SignedIn: "400"),
        ["GET /api/consortia/{code}/actions/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/actions"),
        // Sent with a due date that is not one, so the matrix changes nothing.
        ["POST /api/consortia/{code}/actions/"] = new(Access.ConsortiumEdit, "POST", c => $"/api/consortia/{c}/actions", """{"dueOn":"not a date"}""", SignedIn: "400"),
        ["PUT /api/consortia/{code}/actions/{id:int}"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/actions/{{action}}", """{"dueOn":"not a date","revision":1}""", SignedIn: "400"),
        ["GET /api/consortia/{code}/interests/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/interests"),
        // Sent with a date declared that is not one, so the matrix changes nothing.
        ["POST /api/consortia/{code}/interests/"] = new(Access.ConsortiumEdit, "POST", c => $"/api/consortia/{c}/interests", """{"declaredOn":"not a date"}""", SignedIn: "400"),
        ["PUT /api/consortia/{code}/interests/{id:int}"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/interests/{{interest}}", """{"declaredOn":"not a date","revision":1}""", SignedIn: "400"),
        ["GET /api/consortia/{code}/lessons/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/lessons"),
        ["GET /consortia/{code}/lessons.csv"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/lessons.csv"),
        ["GET /consortia/{code}/lessons.xlsx"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/lessons.xlsx?sort=title"),
        ["GET /consortia/{code}/changes.csv"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/changes.csv?kind=assessments"),
        ["GET /consortia/{code}/changes.xlsx"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/changes.xlsx"),
        ["GET /consortia/{code}/members.csv"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/members.csv?q=a"),
        ["GET /consortia/{code}/members.xlsx"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/members.xlsx"),
        ["GET /consortia/{code}/register.csv"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/register.csv?sort=person"),
        ["GET /consortia/{code}/register.xlsx"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/register.xlsx"),
        ["GET /consortia/{code}/actions.csv"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/actions.csv"),
        ["GET /consortia/{code}/actions.xlsx"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/actions.xlsx"),
        ["GET /pcts/{code}/practices.csv"] = new(Access.Pct, "GET", c => $"/pcts/{c}/practices.csv?sort=list-size&dir=desc"),
        ["GET /pcts/{code}/practices.xlsx"] = new(Access.Pct, "GET", c => $"/pcts/{c}/practices.xlsx"),
        ["GET /admin/users.csv"] = new(Access.Administrator, "GET", _ => "/admin/users.csv?role=regional-lead"),
        ["GET /admin/users.xlsx"] = new(Access.Administrator, "GET", _ => "/admin/users.xlsx"),
        // Sent with a domain the framework does not have, so the matrix records no lesson.
        ["POST /api/consortia/{code}/lessons/"] = new(Access.LessonWriter, "POST", c => $"/api/consortia/{c}/lessons", """{"domain":"not a domain"}""", SignedIn: "400"),
        ["GET /api/consortia/{code}/plan/"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}/plan"),
        // Sent with a date, a headcount or milestones that are not ones, so the matrix changes nothing.
        ["POST /api/consortia/{code}/plan/functions"] = new(Access.ConsortiumEdit, "POST", c => $"/api/consortia/{c}/plan/functions", """{"targetOn":"not a date"}""", SignedIn: "400"),
        ["PUT /api/consortia/{code}/plan/functions/{id:int}"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/plan/functions/{{function}}", """{"targetOn":"not a date","revision":0}""", SignedIn: "400"),
        ["POST /api/consortia/{code}/plan/staff"] = new(Access.ConsortiumEdit, "POST", c => $"/api/consortia/{c}/plan/staff", """{"headcount":"not a number"}""", SignedIn: "400"),
        ["PUT /api/consortia/{code}/plan/staff/{id:int}"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/plan/staff/{{staff}}", """{"headcount":"not a number","revision":0}""", SignedIn: "400"),
        ["PUT /api/consortia/{code}/plan/milestones"] = new(Access.ConsortiumEdit, "PUT", c => $"/api/consortia/{c}/plan/milestones", """{"shadowFormed":{"plannedOn":"not a date"}}""", SignedIn: "400"),
        // An administrator's change is sent with a revision that is not a number, so the matrix changes no user.
        ["GET /api/users/"] = new(Access.Administrator, "GET", _ => "/api/users"),
        ["GET /api/users/{id}"] = new(Access.Administrator, "GET", _ => "/api/users/{admin}"),
        ["POST /api/users/"] = new(Access.Administrator, "POST", _ => "/api/users", """{"email":"not an address","displayName":"Nobody","password":"Transition-2010"}""", SignedIn: "400"),
        ["POST /api/users/{id}/roles"] = new(Access.Administrator, "POST", _ => "/api/users/{admin}/roles", """{"role":"NationalViewer","revision":"x"}""", SignedIn: "400"),
        ["DELETE /api/users/{id}/roles/{assignmentId:int}"] = new(Access.Administrator, "DELETE", _ => "/api/users/{admin}/roles/1?revision=x", SignedIn: "400"),
        ["POST /api/users/{id}/disable"] = new(Access.Administrator, "POST", _ => "/api/users/{admin}/disable", """{"revision":"x"}""", SignedIn: "400"),
        ["POST /api/users/{id}/enable"] = new(Access.Administrator, "POST", _ => "/api/users/{admin}/enable", """{"revision":"x"}""", SignedIn: "400"),
        ["GET /consortia/{Code}/actions/new"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/actions/new"),
        ["GET /consortia/{Code}/actions/{Id:int}"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/actions/{{action}}"),
        ["GET /consortia/{Code}/formation"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/formation"),
        ["GET /consortia/{Code}/changes"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/changes"),
        ["GET /consortia/{Code}/plan"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/plan"),
        ["GET /consortia/{Code}/plan/functions/new"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/plan/functions/new"),
        ["GET /consortia/{Code}/plan/functions/{Id:int}"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/plan/functions/{{function}}"),
        ["GET /consortia/{Code}/plan/milestones"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/plan/milestones"),
        ["GET /consortia/{Code}/plan/staff/new"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/plan/staff/new"),
        ["GET /consortia/{Code}/plan/staff/{Id:int}"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/plan/staff/{{staff}}"),
        ["GET /consortia/{Code}/register"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/register"),
        ["GET /consortia/{Code}/register/new"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/register/new"),
        ["GET /consortia/{Code}/register/{Id:int}"] = new(Access.ConsortiumEdit, "GET", c => $"/consortia/{c}/register/{{interest}}"),
        ["GET /consortia/{Code}/lessons"] = new(Access.Consortium, "GET", c => $"/consortia/{c}/lessons"),
        ["GET /consortia/{Code}/lessons/new"] = new(Access.LessonWriter, "GET", c => $"/consortia/{c}/lessons/new"),
        ["GET /search"] = new(Access.SignedIn, "GET", _ => "/search?q=Newcastle"),
        ["GET /account/notifications"] = new(Access.SignedIn, "GET"),
        ["GET /sign-in"] = new(Access.Public, "GET"),
        ["GET /sign-out"] = new(Access.SignedIn, "GET"),
        ["GET /not-found"] = new(Access.Public, "GET"),
        ["GET /error"] = new(Access.Public, "GET"),
        ["GET /admin/users"] = new(Access.Administrator, "GET"),
        ["GET /admin/users/new"] = new(Access.Administrator, "GET"),
        ["GET /admin/users/{Id}"] = new(Access.Administrator, "GET", _ => "/admin/users/{admin}"),
        ["GET /admin/frameworks"] = new(Access.Administrator, "GET"),
        ["GET /admin/frameworks/upload"] = new(Access.Administrator, "GET"),
        ["GET /admin/frameworks/{Id}"] = new(Access.Administrator, "GET", _ => "/admin/frameworks/gp-consortium-readiness-2010"),
        ["GET /api/consortia/"] = new(Access.SignedIn, "GET", _ => "/api/consortia"),
        ["POST /api/scoring/evaluate"] = new(Access.SignedIn, "POST", _ => "/api/scoring/evaluate", """{"framework":"gp-consortium-readiness-2010","responses":[]}"""),
        ["GET /api/frameworks/"] = new(Access.SignedIn, "GET", _ => "/api/frameworks"),
        ["GET /api/frameworks/{id}"] = new(Access.SignedIn, "GET", _ => "/api/frameworks/world-class-commissioning"),
        // Sent with a document that is not a framework, so the matrix publishes nothing.
        ["POST /api/frameworks/preview"] = new(Access.Administrator, "POST", _ => "/api/frameworks/preview", """{"id":"not-a-framework"}""", SignedIn: "400"),
        ["POST /api/frameworks/"] = new(Access.Administrator, "POST", _ => "/api/frameworks", """{"id":"not-a-framework"}""", SignedIn: "400"),
        ["GET /api/consortia/{code}"] = new(Access.Consortium, "GET", c => $"/api/consortia/{c}"),
        ["GET /healthz"] = new(Access.Public, "GET"),
        ["GET /healthz/live"] = new(Access.Public, "GET"),
        ["GET /healthz/ready"] = new(Access.Public, "GET"),
        ["GET /dev/baseline"] = new(Access.Public, "GET", _ => "/dev/baseline?bytes=4096"),
        ["GET /dev/memory"] = new(Access.Public, "GET"),
        // Not a WebSocket request, so refused once signed in (LiveWakeTests opens the socket).
        ["GET /live/wake"] = new(Access.SignedIn, "GET", SignedIn: "400"),
        ["GET /_framework/opaque-redirect"] = new(Access.FrameworkRedirect, "GET"),
        ["GET /openapi/{documentName}.json"] = new(Access.Public, "GET", _ => "/openapi/v1.json"),
        ["GET /_blazor/negotiate"] = new(Access.Circuit, "POST", _ => "/_blazor/negotiate?negotiateVersion=1"),
        ["GET /_blazor"] = new(Access.Circuit, "GET", _ => "/_blazor", SignedIn: "400"),
        ["GET /_blazor/disconnect/"] = new(Access.Circuit, "POST", _ => "/_blazor/disconnect", SignedIn: "400"),
        ["GET /_blazor/initializers/"] = new(Access.Circuit, "GET", _ => "/_blazor/initializers"),
        ["POST /api/identity/login"] = new(Access.IdentitySignIn, "POST", JsonBody: """{"email":"nobody@demo.test","password":"Wrong-password-1"}"""),
        ["POST /api/identity/refresh"] = new(Access.IdentitySignIn, "POST", JsonBody: """{"refreshToken":"not-a-token"}"""),
        ["POST /api/identity/register"] = new(Access.Disabled, "POST", JsonBody: """{"email":"new@demo.test","password":"Some-password-2010"}"""),
        ["GET /api/identity/confirmEmail"] = new(Access.Disabled, "GET", _ => "/api/identity/confirmEmail?userId=x&code=y"),
        ["POST /api/identity/resendConfirmationEmail"] = new(Access.Disabled, "POST", JsonBody: """{"email":"admin@demo.test"}"""),
        ["POST /api/identity/forgotPassword"] = new(Access.Disabled, "POST", JsonBody: """{"email":"admin@demo.test"}"""),
        ["POST /api/identity/resetPassword"] = new(Access.Disabled, "POST", JsonBody: """{"email":"admin@demo.test","resetCode":"x","newPassword":"Some-password-2010"}"""),
        ["POST /api/identity/manage/2fa"] = new(Access.Disabled, "POST", JsonBody: "{}"),
        ["GET /api/identity/manage/info"] = new(Access.Disabled, "GET"),
        ["POST /api/identity/manage/info"] = new(Access.Disabled, "POST", JsonBody: "{}"),
    };

    // In-scope and out-of-scope codes for each kind; out of scope means "exists, but not yours".
    private static readonly Who[] People =
    [
        new("anonymous", null, null, null, null, false),
        new("administrator", DemoAccountSeeder.Administrator, "Q30", "5D7", "00G", true),
        new("national viewer", DemoAccountSeeder.National, "Q30", "5D7", "00G", false),
        new("regional lead Q30", DemoAccountSeeder.Regional("Q30"), "Q30", "5D8", "00G", false),
        new("PCT manager 5D7", DemoAccountSeeder.PctManager("5D7"), "Q30", "5D7", "00H", false),
        new("consortium lead 00G", DemoAccountSeeder.ConsortiumLead("00G"), null, null, "00G", false),
    ];

    private static readonly Dictionary<string, (string Region, string Pct, string Consortium)> OutOfScope = new()
    {
        ["regional lead Q30"] = ("Q31", "5F5", "01G"),
        ["PCT manager 5D7"] = ("Q31", "5D8", "00C"),
        ["consortium lead 00G"] = ("Q30", "5D7", "00H"),
    };

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var mapped = MappedEndpoints();

        var missing = mapped.Except(Matrix.Keys).ToList();
        var stale = Matrix.Keys.Except(mapped).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a matrix entry: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Matrix entries for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_scope_says()
    {
        var adminId = await UserIdAsync(DemoAccountSeeder.Administrator);
        var actionId = await SupportActionIdAsync("00G");
        var planIds = await PlanRowIdsAsync("00G");
        var evidence = await EvidenceFilesAsync("00G", "00H", "00C", "01G");

        // The current-draft endpoints need a draft of 00G to exist; the PCT manager's submit (sent last) ends it.
        using (var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7")))
        {
            (await manager.PutAsync("/api/consortia/00G/assessments/current", new StringContent("""{"responses":[]}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        var failures = new List<string>();
        foreach (var who in People)
        {
            using var client = who.Email is null
                ? factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                : factory.CreateClientFor(who.Email);
            foreach (var (route, entry) in Matrix)
            {
                foreach (var (scope, code, expected) in Cases(who, entry))
                {
                    var url = (entry.Url?.Invoke(code ?? "") ?? route[(route.IndexOf(' ') + 1)..]).Replace("{admin}", adminId, StringComparison.Ordinal);
                    url = url.Replace("{action}", actionId, StringComparison.Ordinal);
                    url = await EvidenceUrlAsync(url, evidence);
                    url = url.Replace("{function}", planIds.Function, StringComparison.Ordinal)
                        .Replace("{staff}", planIds.Staff, StringComparison.Ordinal)
                        .Replace("{interest}", planIds.Interest, StringComparison.Ordinal);
                    using var request = new HttpRequestMessage(new HttpMethod(entry.Method), url);
                    if (entry.JsonBody is not null)
                    {
                        var body = entry.JsonBody.Replace("{revision}", await DraftRevisionAsync("00G"), StringComparison.Ordinal)
                            .Replace("{decision}", await DecisionRevisionAsync(code ?? "00G"), StringComparison.Ordinal);
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    var actual = Describe(response);
                    if (actual != expected)
                    {
                        failures.Add($"{who} {entry.Method} {url} ({scope}): expected {expected}, got {actual}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<(string Scope, string? Code, string Expected)> Cases(Who who, Entry entry)
    {
        var anonymous = who.Email is null;
        switch (entry.Access)
        {
            case Access.Public:
                yield return ("public", null, "200");
                break;
            case Access.Disabled:
                yield return ("disabled", null, "404");
                break;
            case Access.FrameworkRedirect:
                yield return ("no address", null, anonymous ? "sign-in" : "400");
                break;
            case Access.IdentitySignIn:
                yield return ("wrong credentials", null, "401");
                break;
            case Access.SignedIn:
                yield return ("signed in", null, anonymous ? Challenge(entry) : entry.SignedIn);
                break;
            case Access.Circuit:
                yield return ("circuit", null, anonymous ? Challenge(entry) : entry.SignedIn);
                break;
            case Access.Administrator:
                yield return ("administration", null, anonymous ? Challenge(entry) : who.IsAdmin ? entry.SignedIn : "404");
                break;
            case Access.National:
                var readsEverything = who.IsAdmin || who.Email == DemoAccountSeeder.National;
                yield return ("national", null, anonymous ? Challenge(entry) : readsEverything ? "200" : "404");
                break;
            case Access.PctEdit:
                if (anonymous)
                {
                    yield return ("anonymous", "5D7", Challenge(entry));
                    yield break;
                }

                var managesPct = who.Email == DemoAccountSeeder.PctManager("5D7");
                yield return (managesPct ? "manages the PCT" : "does not manage it", "5D7", managesPct ? entry.SignedIn : "404");
                if (OutOfScope.TryGetValue(who.Name, out var notManaged))
                {
                    yield return ("out of scope", notManaged.Pct, "404");
                }

                yield return ("unknown code", "ZZ9", "404");
                break;
            case Access.ConsortiumEdit:
                if (anonymous)
                {
                    yield return ("anonymous", "00G", Challenge(entry));
                    yield break;
                }

                var editsOwn = who.Email == DemoAccountSeeder.PctManager("5D7");
                yield return (editsOwn ? "in edit scope" : "read scope only", "00G", editsOwn ? entry.SignedIn : "404");
                if (OutOfScope.TryGetValue(who.Name, out var notEditable))
                {
                    yield return ("out of scope", notEditable.Consortium, "404");
                }

                yield return ("unknown code", "ZZ9", "404");
                break;
            case Access.ConsortiumReview:
                if (anonymous)
                {
                    yield return ("anonymous", "00G", Challenge(entry));
                    yield break;
                }

                var reviews = who.Email == DemoAccountSeeder.Regional("Q30");
                yield return (reviews ? "reviews its region" : "does not review", "00G", reviews ? entry.SignedIn : "404");
                if (OutOfScope.TryGetValue(who.Name, out var notReviewable))
                {
                    yield return ("out of scope", notReviewable.Consortium, "404");
                }

                yield return ("unknown code", "ZZ9", "404");
                break;
            case Access.LessonWriter:
                if (anonymous)
                {
                    yield return ("anonymous", "00G", Challenge(entry));
                    yield break;
                }

                var writesLessons = who.Email == DemoAccountSeeder.PctManager("5D7") || who.Email == DemoAccountSeeder.ConsortiumLead("00G");
                yield return (writesLessons ? "writes lessons" : "reads only", "00G", writesLessons ? entry.SignedIn : "404");
                if (OutOfScope.TryGetValue(who.Name, out var notWritable))
                {
                    yield return ("out of scope", notWritable.Consortium, "404");
                }

                yield return ("unknown code", "ZZ9", "404");
                break;
            default:
                var inScope = entry.Access switch
                {
                    Access.Region => who.Region,
                    Access.Pct => who.Pct,
                    _ => who.Consortium,
                };
                if (anonymous)
                {
                    yield return ("anonymous", "00G", Challenge(entry));
                    yield break;
                }

                if (inScope is not null)
                {
                    yield return ("in scope", inScope, "200");
                }

                if (OutOfScope.TryGetValue(who.Name, out var outside))
                {
                    var code = entry.Access switch
                    {
                        Access.Region => outside.Region,
                        Access.Pct => outside.Pct,
                        _ => outside.Consortium,
                    };
                    yield return ("out of scope", code, "404");
                }

                yield return ("unknown code", "ZZ9", "404");
                break;
        }
    }

    private static string Challenge(Entry entry) =>
        entry.Url?.Invoke("x").StartsWith("/api", StringComparison.Ordinal) == true ? "401" : "sign-in";

    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/sign-in?ReturnUrl=", StringComparison.Ordinal) == true
            ? "sign-in"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private HashSet<string> MappedEndpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                // Razor component pages accept POST for their forms; the matrix reads them with GET.
                if (method == "POST" && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
                {
                    continue;
                }

                keys.Add($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}");
            }
        }

        return keys;
    }

    // The change page needs an action that exists; the shared database has none until a test adds one.
    // A file on the newest submitted assessment of each consortium, as "{assessment}/answers/{criterion}/attachments/{file}".
    private async Task<Dictionary<string, string>> EvidenceFilesAsync(params string[] codes)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var content = TransitionTracker.TestSupport.EvidenceSamples.Pdf("Matrix test");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        db.EvidenceContents.Add(new TransitionTracker.Domain.Evidence.EvidenceContent(sha, content));
        var files = new Dictionary<string, TransitionTracker.Domain.Evidence.EvidenceAttachment>();
        foreach (var code in codes)
        {
            var assessment = await db.Assessments.Where(a => a.ConsortiumCode == code && a.Status == TransitionTracker.Domain.Assessments.AssessmentStatus.Submitted)
                .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
            var file = new TransitionTracker.Domain.Evidence.EvidenceAttachment(code, "GOV-01", "matrix.pdf", TransitionTracker.Domain.Evidence.EvidenceFileType.Pdf, content.Length, sha, "system", DateTime.UtcNow);
            db.EvidenceAttachments.Add(file);
            db.Entry(file).Property(f => f.AssessmentId).CurrentValue = assessment;
            files[code] = file;
        }

        await db.SaveChangesAsync();
        return files.ToDictionary(f => f.Key, f => FormattableString.Invariant($"{f.Value.AssessmentId}/answers/{f.Value.CriterionId}/attachments/{f.Value.Id}"));
    }

    private async Task<string> EvidenceUrlAsync(string url, Dictionary<string, string> evidence)
    {
        var match = System.Text.RegularExpressions.Regex.Match(url, @"\{(assessment|evidence):([^}]*)\}");
        if (!match.Success)
        {
            return url;
        }

        var code = match.Groups[2].Value;
        string value;
        if (match.Groups[1].Value == "evidence")
        {
            value = evidence.TryGetValue(code, out var file) ? file : "0/answers/GOV-01/attachments/0";
        }
        else
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            var newest = await db.Assessments.Where(a => a.ConsortiumCode == code).OrderByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            value = (newest ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return url.Replace(match.Value, value, StringComparison.Ordinal);
    }

    private async Task<string> SupportActionIdAsync(string consortiumCode)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var existing = await db.SupportActions.Where(a => a.ConsortiumCode == consortiumCode).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var action = new TransitionTracker.Domain.SupportActions.SupportAction(consortiumCode, "GOV-02", "Matrix test action", "Matrix test", new DateOnly(2011, 3, 31), "system", DateTime.UtcNow);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // The plan's and register's change pages need rows that exist; the shared database has none until a test adds them.
    private async Task<(string Function, string Staff, string Interest)> PlanRowIdsAsync(string consortiumCode)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var function = await db.PlannedFunctions.FirstOrDefaultAsync(f => f.ConsortiumCode == consortiumCode);
        if (function is null)
        {
            function = new TransitionTracker.Domain.Transition.PlannedFunction(
                consortiumCode, "Matrix test function", TransitionTracker.Domain.Transition.ReceivingBody.Consortium, TransitionTracker.Domain.Transition.FunctionStatus.NotStarted, null);
            db.PlannedFunctions.Add(function);
        }

        var staff = await db.StaffTransfers.FirstOrDefaultAsync(t => t.ConsortiumCode == consortiumCode);
        if (staff is null)
        {
            staff = new TransitionTracker.Domain.Transition.StaffTransfer(consortiumCode, "Matrix test function", 1, TransitionTracker.Domain.Transition.ReceivingBody.Consortium);
            db.StaffTransfers.Add(staff);
        }

        var interest = await db.DeclaredInterests.FirstOrDefaultAsync(i => i.ConsortiumCode == consortiumCode);
        if (interest is null)
        {
            interest = new TransitionTracker.Domain.Transition.DeclaredInterest(consortiumCode, "Matrix test", "Matrix test interest", new DateOnly(2011, 1, 1), "Matrix test");
            db.DeclaredInterests.Add(interest);
        }

        await db.SaveChangesAsync();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return (function.Id.ToString(invariant), staff.Id.ToString(invariant), interest.Id.ToString(invariant));
    }

    private async Task<string> DraftRevisionAsync(string consortium)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var revision = await db.Assessments.Where(a => a.ConsortiumCode == consortium && a.Status == Domain.Assessments.AssessmentStatus.Draft)
            .Select(a => (int?)a.Revision).FirstOrDefaultAsync();
        return (revision ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> DecisionRevisionAsync(string consortium)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var revision = await db.TrackDecisions.Where(d => d.ConsortiumCode == consortium).MaxAsync(d => (int?)d.Revision);
        return (revision ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
