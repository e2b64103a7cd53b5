using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Assessments;

/// <summary>
/// One app for a class of checklist tests, and the steps another user takes through the same use cases the page
/// calls. Each test starts from consortium 00G never assessed against the default framework (<see cref="ResetAsync"/>).
/// </summary>
public sealed class ChecklistApp : IDisposable
{
    public const string Code = "00G";
    public const string Checklist = "/consortia/00G/assessments/" + AssessmentWorkflow.DefaultFramework;
    public static readonly string Manager = DemoAccountSeeder.PctManager("5D7");
    public static readonly Framework Framework = ShippedFrameworks.DefaultFramework;

    public TransitionTrackerFactory Factory { get; } = new();

    public async Task ResetAsync()
    {
        await using var db = Factory.Database.OpenContext();
        await db.Assessments.Where(a => a.ConsortiumCode == Code && a.FrameworkId == Framework.Id).ExecuteDeleteAsync();
    }

    public Task<ActingUser> ManagerAsync() => DemoUsers.ActingAsync(Factory, Manager);

    public async Task<Assessment> StartAsync()
    {
        var outcome = await RunAsync(async (w, user) => await w.StartDraftAsync(user, Code, Framework.Id, CancellationToken.None));
        Assert.True(outcome.IsSaved);
        return outcome.Value!;
    }

    /// <summary>Saves answers as another tab or user would: based on the draft as it is stored now.</summary>
    public async Task<Assessment> SaveAsync(params AnswerInput[] answers)
    {
        var draft = await DraftAsync();
        var outcome = await RunAsync(async (w, user) => await w.SaveAnswersAsync(user, Code, Framework.Id, draft!.Revision, answers, CancellationToken.None));
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.Value!;
    }

    /// <summary>Answers every criterion as given, then submits.</summary>
    public async Task<Assessment> SubmitAllAsync(string value)
    {
        await StartAsync();
        return await AnswerAllAndSubmitAsync(value);
    }

    /// <summary>Answers every criterion of the open draft as given, then submits it.</summary>
    public async Task<Assessment> AnswerAllAndSubmitAsync(string value)
    {
        await SaveAsync([.. Framework.Criteria.Select(c => new AnswerInput(c.Id, value, $"Evidence for {c.Id}"))]);
        var draft = await DraftAsync();
        var outcome = await RunAsync(async (w, user) => await w.SubmitAsync(user, Code, Framework.Id, draft!.Revision, CancellationToken.None));
        Assert.True(outcome.IsSaved);
        return outcome.Value!;
    }

    public async Task<Assessment?> DraftAsync()
    {
        await using var db = Factory.Database.OpenContext();
        return await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .SingleOrDefaultAsync(a => a.ConsortiumCode == Code && a.FrameworkId == Framework.Id && a.Status == AssessmentStatus.Draft);
    }

    public async Task<Assessment> LastSubmittedAsync()
    {
        await using var db = Factory.Database.OpenContext();
        return await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == Code && a.FrameworkId == Framework.Id && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.Id).FirstAsync();
    }

    public void Dispose() => Factory.Dispose();

    private async Task<T> RunAsync<T>(Func<AssessmentWorkflow, ActingUser, Task<T>> step)
    {
        var user = await ManagerAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<AssessmentWorkflow>(), user);
    }
}
