using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Tests.Transition;

/// <summary>A consortium's transition plan: functions, milestones and staff transfers, read in scope, changed by its editors, one revision rule.</summary>
public sealed class TransitionPlansTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_adds_and_changes_a_function_and_a_staff_transfer_and_reads_them_in_the_plan()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var function = await RunAsync(p => p.AddFunctionAsync(manager, "00h", Function("Estates management", "31", "3", "2012"), CancellationToken.None));
        var functionChanged = await RunAsync(p => p.UpdateFunctionAsync(manager, Demo.ManagedConsortium, function.SavedId!.Value,
            Function("Estates and facilities", "", "", "", revision: "0"), CancellationToken.None));
        var transfer = await RunAsync(p => p.AddStaffTransferAsync(manager, Demo.ManagedConsortium, Transfer("Medicines management", "1,500"), CancellationToken.None));
        var transferChanged = await RunAsync(p => p.UpdateStaffTransferAsync(manager, Demo.ManagedConsortium, transfer.SavedId!.Value,
            Transfer("Medicines management", "14", revision: "0"), CancellationToken.None));
        var plan = await RunAsync(p => p.GetAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.All([function, functionChanged, transfer, transferChanged], o => Assert.Equal(EditStatus.Saved, o.Status));
        Assert.Equal((1, 1), (functionChanged.Revision, transferChanged.Revision));
        var storedFunction = Assert.Single(plan!.Functions, f => f.Id == function.SavedId);
        Assert.Equal(("Estates and facilities", (DateOnly?)null, 1), (storedFunction.Name, storedFunction.TargetOn, storedFunction.Revision));
        var storedTransfer = Assert.Single(plan.StaffTransfers, t => t.Id == transfer.SavedId);
        Assert.Equal((14, 1), (storedTransfer.Headcount, storedTransfer.Revision));
        Assert.Equal(Enum.GetValues<MilestoneKind>(), plan.Milestones.Select(m => m.Kind));
        await using var db = _host.OpenContext();
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.Actor == Demo.PctManager && a.ConsortiumCode == Demo.ManagedConsortium));
    }

    [Fact]
    public async Task Milestone_dates_are_saved_together_and_a_date_not_yet_recorded_is_added()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await ForgetAuthorisationAsync(Demo.ManagedConsortium);
        var form = MilestonesForm.From(await RunAsync(p => p.MilestonesAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        Set(form.Pathfinder!, planned: ("1", "6", "2011"), actual: ("2", "6", "2011"));
        Set(form.Authorised!, planned: ("1", "4", "2013"), actual: ("", "", ""));

        var saved = await RunAsync(p => p.SaveMilestonesAsync(manager, Demo.ManagedConsortium, form, CancellationToken.None));
        var milestones = await RunAsync(p => p.MilestonesAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.Equal(EditStatus.Saved, saved.Status);
        var pathfinder = milestones.Single(m => m.Kind == MilestoneKind.Pathfinder);
        Assert.Equal((new DateOnly(2011, 6, 1), new DateOnly(2011, 6, 2)), (pathfinder.PlannedOn, pathfinder.AchievedOn));
        var authorised = milestones.Single(m => m.Kind == MilestoneKind.Authorised);
        Assert.Equal((new DateOnly(2013, 4, 1), (DateOnly?)null, 0), (authorised.PlannedOn, authorised.AchievedOn, authorised.Stored!.Revision));
    }

    [Fact]
    public async Task Out_of_scope_the_plan_is_not_found_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var other = await StoreAsync(new PlannedFunction(Demo.OtherConsortium, "Prescribing advice", ReceivingBody.Consortium, FunctionStatus.NotStarted, null));
        var otherTransfer = await StoreAsync(new StaffTransfer(Demo.OtherConsortium, "Prescribing advice", 3, ReceivingBody.Consortium));
        var national = await _host.UserAsync(Demo.National);
        var otherForm = MilestonesForm.From(await RunAsync(p => p.MilestonesAsync(national, Demo.OtherConsortium, CancellationToken.None)));
        var before = await CountsAsync();

        var outcomes = new[]
        {
            await RunAsync(p => p.AddFunctionAsync(manager, Demo.OtherConsortium, Function("Sneaked in", "", "", ""), CancellationToken.None)),
            await RunAsync(p => p.UpdateFunctionAsync(manager, Demo.OtherConsortium, other.Id, Function("Changed", "", "", "", revision: "0"), CancellationToken.None)),
            await RunAsync(p => p.AddStaffTransferAsync(manager, Demo.OtherConsortium, Transfer("Sneaked in", "3"), CancellationToken.None)),
            await RunAsync(p => p.UpdateStaffTransferAsync(manager, Demo.OtherConsortium, otherTransfer.Id, Transfer("Changed", "4", revision: "0"), CancellationToken.None)),
            await RunAsync(p => p.SaveMilestonesAsync(manager, Demo.OtherConsortium, otherForm, CancellationToken.None)),
            await RunAsync(p => p.AddFunctionAsync(lead, Demo.LeadsConsortium, Function("Read only", "", "", ""), CancellationToken.None)),
            await RunAsync(p => p.AddStaffTransferAsync(null, Demo.ManagedConsortium, Transfer("Nobody", "3"), CancellationToken.None)),
        };

        Assert.All(outcomes, o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Null(await RunAsync(p => p.GetAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Empty(await RunAsync(p => p.MilestonesAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await RunAsync(p => p.FindFunctionAsync(manager, Demo.OtherConsortium, other.Id, CancellationToken.None)));
        Assert.Null(await RunAsync(p => p.FindFunctionAsync(manager, Demo.ManagedConsortium, other.Id, CancellationToken.None)));
        Assert.Null(await RunAsync(p => p.FindStaffTransferAsync(manager, Demo.OtherConsortium, otherTransfer.Id, CancellationToken.None)));
        Assert.Equal(before, await CountsAsync());
        await using var db = _host.OpenContext();
        Assert.Equal(0, (await db.PlannedFunctions.SingleAsync(f => f.Id == other.Id)).Revision);
        Assert.Equal(0, (await db.StaffTransfers.SingleAsync(t => t.Id == otherTransfer.Id)).Revision);
    }

    [Fact]
    public async Task Changes_from_stale_forms_are_refused_with_who_changed_what_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = (await RunAsync(p => p.AddFunctionAsync(manager, Demo.ManagedConsortium, Function("Estates", "", "", ""), CancellationToken.None))).SavedId!.Value;
        var transferId = (await RunAsync(p => p.AddStaffTransferAsync(manager, Demo.ManagedConsortium, Transfer("Estates", "3"), CancellationToken.None))).SavedId!.Value;
        var opened = MilestonesForm.From(await RunAsync(p => p.MilestonesAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        await RunAsync(p => p.UpdateFunctionAsync(manager, Demo.ManagedConsortium, id, Function("First", "", "", "", revision: "0"), CancellationToken.None));
        await RunAsync(p => p.UpdateStaffTransferAsync(manager, Demo.ManagedConsortium, transferId, Transfer("First", "3", revision: "0"), CancellationToken.None));
        var first = MilestonesForm.From(await RunAsync(p => p.MilestonesAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        Set(first.ShadowFormed!, planned: ("1", "1", "2011"), actual: ("", "", ""));
        Assert.True((await RunAsync(p => p.SaveMilestonesAsync(manager, Demo.ManagedConsortium, first, CancellationToken.None))).IsSaved);
        Set(opened.ShadowFormed!, planned: ("2", "2", "2011"), actual: ("", "", ""));

        var function = await RunAsync(p => p.UpdateFunctionAsync(manager, Demo.ManagedConsortium, id, Function("Stale", "", "", "", revision: "0"), CancellationToken.None));
        var noRevision = await RunAsync(p => p.UpdateFunctionAsync(manager, Demo.ManagedConsortium, id, Function("No revision", "", "", ""), CancellationToken.None));
        var transfer = await RunAsync(p => p.UpdateStaffTransferAsync(manager, Demo.ManagedConsortium, transferId, Transfer("Stale", "3", revision: "0"), CancellationToken.None));
        var milestones = await RunAsync(p => p.SaveMilestonesAsync(manager, Demo.ManagedConsortium, opened, CancellationToken.None));

        Assert.All([function, noRevision, transfer, milestones], o =>
        {
            Assert.Equal(EditStatus.Conflict, o.Status);
            Assert.Equal(Demo.PctManager, o.Conflict!.ChangedBy);
            Assert.NotNull(o.Conflict.ChangedAtUtc);
        });
        Assert.Equal((1, 1, 1), (function.Revision, noRevision.Revision, transfer.Revision));
        await using var db = _host.OpenContext();
        var storedFunction = await db.PlannedFunctions.SingleAsync(f => f.Id == id);
        Assert.Equal(("First", 1), (storedFunction.Name, storedFunction.Revision));
        var storedTransfer = await db.StaffTransfers.SingleAsync(t => t.Id == transferId);
        Assert.Equal(("First", 1), (storedTransfer.Function, storedTransfer.Revision));
        var shadow = await db.Milestones.SingleAsync(m => m.ConsortiumCode == Demo.ManagedConsortium && m.Kind == MilestoneKind.ShadowFormed);
        Assert.Equal(new DateOnly(2011, 1, 1), shadow.PlannedOn);
    }

    [Fact]
    public async Task Every_problem_is_named_by_its_input_and_nothing_is_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var form = MilestonesForm.From(await RunAsync(p => p.MilestonesAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        Set(form.Pathfinder!, planned: ("30", "2", "2012"), actual: ("1", "1", nextYear));
        var before = await CountsAsync();

        var function = await RunAsync(p => p.AddFunctionAsync(manager, Demo.ManagedConsortium,
            new PlannedFunctionForm { Name = " ", ReceivingBody = "Moon", Status = "1", TargetDay = "1" }, CancellationToken.None));
        var transfer = await RunAsync(p => p.AddStaffTransferAsync(manager, Demo.ManagedConsortium, Transfer("Estates", "10,001"), CancellationToken.None));
        var milestones = await RunAsync(p => p.SaveMilestonesAsync(manager, Demo.ManagedConsortium, form, CancellationToken.None));

        Assert.All([function, transfer, milestones], o => Assert.Equal(EditStatus.Invalid, o.Status));
        Assert.Equal(
            [
                (PlannedFunctionForm.NameField, "Enter the function"),
                (PlannedFunctionForm.ReceivingBodyField, "Select where the function goes"),
                (PlannedFunctionForm.StatusField, "Select the function's status"),
                (PlannedFunctionForm.TargetDateField, "Target date must include a month and year"),
            ],
            function.Problems.Select(p => (p.Field, p.Message)));
        Assert.Equal([DatePart.Month, DatePart.Year], function.Problems[3].Parts);
        Assert.Equal((StaffTransferForm.HeadcountField, "Headcount must be between 1 and 10,000"), (transfer.Problems[0].Field, transfer.Problems[0].Message));
        Assert.Equal(
            [
                ("pathfinder-planned", "Planned date for pathfinder status must be a real date"),
                ("pathfinder-actual", "Actual date for pathfinder status must be today or in the past"),
            ],
            milestones.Problems.Select(p => (p.Field, p.Message)));
        Assert.Equal(before, await CountsAsync());
    }

    private static PlannedFunctionForm Function(string name, string day, string month, string year, string? revision = null) => new()
    {
        Name = name,
        ReceivingBody = nameof(ReceivingBody.LocalAuthority),
        Status = nameof(FunctionStatus.InProgress),
        TargetDay = day,
        TargetMonth = month,
        TargetYear = year,
        Revision = revision,
    };

    private static StaffTransferForm Transfer(string function, string headcount, string? revision = null) => new()
    {
        Function = function,
        Headcount = headcount,
        Destination = nameof(ReceivingBody.NhsCommissioningBoard),
        Revision = revision,
    };

    private static void Set(MilestoneDatesForm dates, (string Day, string Month, string Year) planned, (string Day, string Month, string Year) actual)
    {
        (dates.PlannedDay, dates.PlannedMonth, dates.PlannedYear) = planned;
        (dates.ActualDay, dates.ActualMonth, dates.ActualYear) = actual;
    }

    private Task<T> RunAsync<T>(Func<TransitionPlans, Task<T>> use) => _host.RunAsync(use);

    /// <summary>How many plan records and audit entries the database holds, and the sum of the milestones' revisions.</summary>
    private async Task<(int Functions, int Transfers, int Milestones, int MilestoneRevisions, int Audited)> CountsAsync()
    {
        await using var db = _host.OpenContext();
        return (await db.PlannedFunctions.CountAsync(), await db.StaffTransfers.CountAsync(), await db.Milestones.CountAsync(),
            await db.Milestones.SumAsync(m => m.Revision), await db.AuditEntries.CountAsync());
    }

    /// <summary>Removes the consortium's authorisation milestone, so that saving its dates records it for the first time.</summary>
    private async Task ForgetAuthorisationAsync(string consortiumCode)
    {
        await using var db = _host.OpenContext();
        await db.Milestones.Where(m => m.ConsortiumCode == consortiumCode && m.Kind == MilestoneKind.Authorised).ExecuteDeleteAsync();
    }

    private async Task<T> StoreAsync<T>(T record)
        where T : class
    {
        await using var db = _host.OpenContext();
        db.Add(record);
        await db.SaveChangesAsync();
        return record;
    }
}
