using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>Fills in and posts the support action forms as a person would.</summary>
public static class ActionForms
{
    public const string FormName = "support-action";

    public static Dictionary<string, string> Fields(string criterion, string description, string owner, string day, string month, string year) => new()
    {
        ["Input.Criterion"] = criterion,
        ["Input.Description"] = description,
        ["Input.Owner"] = owner,
        ["Input.DueDay"] = day,
        ["Input.DueMonth"] = month,
        ["Input.DueYear"] = year,
    };

    public static Task<HttpResponseMessage> AddAsync(HttpClient client, string consortiumCode, Dictionary<string, string> fields) =>
        FormPost.SubmitAsync(client, $"/consortia/{consortiumCode}/actions/new", FormName, fields);

    /// <summary>Adds an action and returns its id, read from its change link on the actions page.</summary>
    public static async Task<int> AddAndFindAsync(HttpClient client, string consortiumCode, string description, string day = "31", string month = "3", string year = "2011", string criterion = "GOV-02")
    {
        var response = await AddAsync(client, consortiumCode, Fields(criterion, description, "PCT development lead", day, month, year));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await HtmlPage.GetAsync(client, $"/consortia/{consortiumCode}/actions");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelectorAll("td")[1].Text() == description);
        var href = row.QuerySelector("a")!.GetAttribute("href")!;
        return int.Parse(href[(href.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Each criterion's answer in the consortium's latest submitted readiness assessment.</summary>
    public static async Task<IReadOnlyDictionary<string, ResponseStatus?>> LatestAnswersAsync(TransitionTrackerFactory factory, string consortiumCode)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var latest = (await db.Assessments.AsNoTracking().Include(a => a.Responses)
                .Where(a => a.ConsortiumCode == consortiumCode && a.Status == AssessmentStatus.Submitted && a.FrameworkId == ShippedFrameworks.Default)
                .ToListAsync())
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).First();
        return latest.Responses.ToDictionary(r => r.CriterionId, r => r.Status);
    }

    /// <summary>
    /// A criterion the consortium's latest submitted assessment does not mark met: an action for it is overdue once
    /// past its due date (an action for a met criterion never is).
    /// </summary>
    public static async Task<string> CriterionNotMetAsync(TransitionTrackerFactory factory, string consortiumCode)
    {
        var answers = await LatestAnswersAsync(factory, consortiumCode);
        return ShippedFrameworks.DefaultFramework.Criteria.Select(c => c.Id).First(id => answers.GetValueOrDefault(id) != ResponseStatus.Met);
    }

    /// <summary>Posts a form from a page loaded earlier, with what it held then, as a browser tab left open would.</summary>
    public static Task<HttpResponseMessage> PostFromAsync(HttpClient client, IDocument page, string pageUrl, IDictionary<string, string> changes)
    {
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{FormName}']") is not null);
        return client.PostAsync(form.GetAttribute("action") ?? pageUrl, new FormUrlEncodedContent(FormPost.ValuesOf(form, changes)));
    }

    public static IReadOnlyList<string> SummaryErrors(IDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.Text()).ToList();

    /// <summary>A second PCT manager of 5D7, made through the app's own user administration.</summary>
    public static async Task<HttpClient> SecondManagerOf5D7Async(TransitionTrackerFactory factory)
    {
        const string email = "second.manager@example.nhs.uk";
        const string password = "Commissioning-2011";
        using (var scope = factory.Services.CreateScope())
        {
            var adminId = await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users
                .Where(u => u.Email == DemoAccountSeeder.Administrator).Select(u => u.Id).SingleAsync();
            var admin = new ActingUser(adminId, DemoAccountSeeder.Administrator, "Demo administrator", new UserAccess([new RoleAssignment(adminId, Role.Administrator, null)], new Dictionary<string, string>()));
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var created = await accounts.CreateAsync(admin, email, "Second Manager", password, CancellationToken.None);
            Assert.Empty(created.Problems);
            Assert.Empty((await accounts.AssignRoleAsync(admin, created.Value!, "PctManager", "5D7", CancellationToken.None)).Problems);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignedInClients.LogInAsync(factory, email, password));
        return client;
    }
}
