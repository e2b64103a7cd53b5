using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>Records and changes support actions through the app's use case, as the editors do.</summary>
public static class ActionForms
{
    public static SupportActionForm Form(string criterion, string description, string owner, string day, string month, string year) => new()
    {
        Criterion = criterion,
        Description = description,
        Owner = owner,
        DueDay = day,
        DueMonth = month,
        DueYear = year,
    };

    /// <summary>Adds an action as the user with <paramref name="email"/>.</summary>
    public static async Task<EditOutcome> AddAsync(TransitionTrackerFactory factory, string email, string consortiumCode, SupportActionForm form)
    {
        var user = await DemoUsers.ActingAsync(factory, email);
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SupportActionBoard>().AddAsync(user, consortiumCode, form, CancellationToken.None);
    }

    /// <summary>Adds an action and returns its id.</summary>
    public static async Task<int> AddAndFindAsync(TransitionTrackerFactory factory, string email, string consortiumCode, string description, string day = "31", string month = "3", string year = "2011", string criterion = "GOV-02")
    {
        var outcome = await AddAsync(factory, email, consortiumCode, Form(criterion, description, "PCT development lead", day, month, year));
        Assert.True(outcome.IsSaved);
        return outcome.SavedId!.Value;
    }

    /// <summary>Changes an action as the user with <paramref name="email"/>, from what is stored now (so at its current revision).</summary>
    public static async Task<EditOutcome> ChangeAsync(TransitionTrackerFactory factory, string email, string consortiumCode, int id, Action<SupportActionForm> change)
    {
        var user = await DemoUsers.ActingAsync(factory, email);
        using var scope = factory.Services.CreateScope();
        var board = scope.ServiceProvider.GetRequiredService<SupportActionBoard>();
        var form = SupportActionForm.From((await board.FindAsync(user, consortiumCode, id, CancellationToken.None))!);
        change(form);
        return await board.UpdateAsync(user, consortiumCode, id, form, CancellationToken.None);
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
            Assert.Empty((await accounts.AssignRoleAsync(admin, created.Value!, "PctManager", "5D7", 0, CancellationToken.None)).Problems);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignedInClients.LogInAsync(factory, email, password));
        return client;
    }
}
