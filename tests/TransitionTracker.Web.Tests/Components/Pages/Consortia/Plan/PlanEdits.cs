using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Transition;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Plan;

/// <summary>Changes a consortium's transition plan through the app's use case, as the plan editors do.</summary>
public static class PlanEdits
{
    public static PlannedFunctionForm Function(string name, string body = "Consortium", string status = "NotStarted", string day = "1", string month = "4", string year = "2012") => new()
    {
        Name = name,
        ReceivingBody = body,
        Status = status,
        TargetDay = day,
        TargetMonth = month,
        TargetYear = year,
    };

    public static StaffTransferForm Transfer(string function, string headcount, string destination) => new()
    {
        Function = function,
        Headcount = headcount,
        Destination = destination,
    };

    /// <summary>Runs <paramref name="edit"/> on the plan use case as the user with <paramref name="email"/>.</summary>
    public static async Task<T> AsAsync<T>(TransitionTrackerFactory factory, string email, Func<TransitionPlans, Application.Access.ActingUser?, Task<T>> edit)
    {
        var user = await DemoUsers.ActingAsync(factory, email);
        using var scope = factory.Services.CreateScope();
        return await edit(scope.ServiceProvider.GetRequiredService<TransitionPlans>(), user);
    }

    /// <summary>Adds a function and returns its id.</summary>
    public static async Task<int> AddFunctionAsync(TransitionTrackerFactory factory, string email, string consortiumCode, PlannedFunctionForm form)
    {
        var outcome = await AsAsync(factory, email, (plans, user) => plans.AddFunctionAsync(user, consortiumCode, form, CancellationToken.None));
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.SavedId!.Value;
    }

    /// <summary>Adds a staff transfer and returns its id.</summary>
    public static async Task<int> AddTransferAsync(TransitionTrackerFactory factory, string email, string consortiumCode, StaffTransferForm form)
    {
        var outcome = await AsAsync(factory, email, (plans, user) => plans.AddStaffTransferAsync(user, consortiumCode, form, CancellationToken.None));
        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.SavedId!.Value;
    }

    /// <summary>Changes a function from what is stored now (so at its current revision).</summary>
    public static Task<EditOutcome> ChangeFunctionAsync(TransitionTrackerFactory factory, string email, string consortiumCode, int id, Action<PlannedFunctionForm> change) =>
        AsAsync(factory, email, async (plans, user) =>
        {
            var form = PlannedFunctionForm.From((await plans.FindFunctionAsync(user, consortiumCode, id, CancellationToken.None))!);
            change(form);
            return await plans.UpdateFunctionAsync(user, consortiumCode, id, form, CancellationToken.None);
        });

    /// <summary>Changes a staff transfer from what is stored now (so at its current revision).</summary>
    public static Task<EditOutcome> ChangeTransferAsync(TransitionTrackerFactory factory, string email, string consortiumCode, int id, Action<StaffTransferForm> change) =>
        AsAsync(factory, email, async (plans, user) =>
        {
            var form = StaffTransferForm.From((await plans.FindStaffTransferAsync(user, consortiumCode, id, CancellationToken.None))!);
            change(form);
            return await plans.UpdateStaffTransferAsync(user, consortiumCode, id, form, CancellationToken.None);
        });

    /// <summary>Saves the milestone dates from what is stored now, changed by <paramref name="change"/>.</summary>
    public static Task<EditOutcome> SaveMilestonesAsync(TransitionTrackerFactory factory, string email, string consortiumCode, Action<MilestonesForm> change) =>
        AsAsync(factory, email, async (plans, user) =>
        {
            var form = MilestonesForm.From(await plans.MilestonesAsync(user, consortiumCode, CancellationToken.None));
            change(form);
            return await plans.SaveMilestonesAsync(user, consortiumCode, form, CancellationToken.None);
        });
}
