using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// One app for the refusal tests, with a row of each kind the change pages need and a draft assessment of 00G.
/// Refused requests change nothing, so the tests share it; each checks that with a <see cref="DataSnapshot"/>.
/// </summary>
public sealed class BadInputApp : IAsyncLifetime
{
    public const string Framework = "gp-consortium-readiness-2010";

    public TransitionTrackerFactory Factory { get; } = new();

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            var action = new SupportAction("00G", "GOV-02", "Bad input test action", "Bad input test", new DateOnly(2011, 3, 31), "system", DateTime.UtcNow);
            var function = new PlannedFunction("00G", "Bad input test function", ReceivingBody.Consortium, FunctionStatus.NotStarted, null);
            var staff = new StaffTransfer("00G", "Bad input test function", 1, ReceivingBody.Consortium);
            var interest = new DeclaredInterest("00G", "Bad input test", "Bad input test interest", new DateOnly(2011, 1, 1), "Bad input test");
            db.AddRange(action, function, staff, interest);
            await db.SaveChangesAsync();
            _ids["{action}"] = action.Id.ToString(CultureInfo.InvariantCulture);
            _ids["{function}"] = function.Id.ToString(CultureInfo.InvariantCulture);
            _ids["{staff}"] = staff.Id.ToString(CultureInfo.InvariantCulture);
            _ids["{interest}"] = interest.Id.ToString(CultureInfo.InvariantCulture);
            _ids["{admin}"] = await db.Users.Where(u => u.Email == DemoAccountSeeder.Administrator).Select(u => u.Id).SingleAsync();
        }

        using var manager = Factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var draft = await manager.PutAsync("/api/consortia/00G/assessments/current", new StringContent("""{"responses":[]}""", Encoding.UTF8, "application/json"));
        draft.EnsureSuccessStatusCode();
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        _ids["{assessment}"] = draftId.ToString(CultureInfo.InvariantCulture);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(EvidenceSamples.Pdf("Bad input test")), "file", "bad input test.pdf" } })
        {
            var file = await manager.PostAsync($"/api/assessments/{draftId}/answers/GOV-01/attachments", upload);
            file.EnsureSuccessStatusCode();
            _ids["{file}"] = (await file.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        }

        // Signing in records a session, so every account the tests use signs in now, before any test watches the data.
        foreach (var email in new[] { BadInputCatalogue.Admin, BadInputCatalogue.National, BadInputCatalogue.Regional, BadInputCatalogue.Manager, BadInputCatalogue.Lead })
        {
            Factory.CreateClientFor(email).Dispose();
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Fills the placeholders {action}, {function}, {staff}, {interest}, {admin}, {assessment} (00G's draft) and {file} (a file on it) with this app's ids.</summary>
    public string Resolve(string url) => _ids.Aggregate(url, (u, id) => u.Replace(id.Key, id.Value, StringComparison.Ordinal));

    public HttpClient ClientFor(string? email) => email is null
        ? Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : Factory.CreateClientFor(email);
}
