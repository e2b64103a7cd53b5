using TransitionTracker.Application.Access;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Tests.Transition;

/// <summary>A consortium's conflicts-of-interest register: read in scope, changed by its editors, one revision rule.</summary>
public sealed class InterestRegisterTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_declares_and_changes_an_interest_which_is_listed_and_audited_as_theirs()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var added = await RunAsync(r => r.AddAsync(manager, "00h", Form("Dr A Patel, board GP", "14", "2", "2011"), CancellationToken.None));
        var changed = await RunAsync(r => r.UpdateAsync(manager, Demo.ManagedConsortium, added.SavedId!.Value,
            Form("Dr A Patel, board GP", "14", "2", "2011", management: "Leaves the room", revision: "0"), CancellationToken.None));
        var listed = await RunAsync(r => r.ListAsync(manager, Demo.ManagedConsortium, CancellationToken.None));

        Assert.Equal((EditStatus.Saved, EditStatus.Saved, 1), (added.Status, changed.Status, changed.Revision));
        var entry = Assert.Single(listed, i => i.Id == added.SavedId);
        Assert.Equal((Demo.ManagedConsortium, new DateOnly(2011, 2, 14), "Leaves the room", 1), (entry.ConsortiumCode, entry.DeclaredOn, entry.Management, entry.Revision));
        await using var db = _host.OpenContext();
        var key = added.SavedId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(DeclaredInterest) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("Added", Demo.PctManager), ("Modified", Demo.PctManager)], audit.Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task Saving_the_same_values_again_changes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = (await RunAsync(r => r.AddAsync(manager, Demo.ManagedConsortium, Form("Mr C Singh", "3", "1", "2011"), CancellationToken.None))).SavedId!.Value;

        var again = await RunAsync(r => r.UpdateAsync(manager, Demo.ManagedConsortium, id, Form("Mr C Singh", "3", "1", "2011", revision: "0"), CancellationToken.None));

        Assert.Equal((EditStatus.Saved, 0), (again.Status, again.Revision));
        await using var db = _host.OpenContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(DeclaredInterest) && a.Actor == Demo.PctManager));
    }

    [Fact]
    public async Task Out_of_scope_the_register_is_not_found_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var other = await StoreAsync(new DeclaredInterest(Demo.OtherConsortium, "Dr B Jones", "Director of a social enterprise", new DateOnly(2011, 1, 1), "Excluded"));
        var before = await CountsAsync();

        var added = await RunAsync(r => r.AddAsync(manager, Demo.OtherConsortium, Form("Sneaked in", "1", "1", "2011"), CancellationToken.None));
        var changed = await RunAsync(r => r.UpdateAsync(manager, Demo.OtherConsortium, other.Id, Form("Changed", "1", "1", "2011", revision: "0"), CancellationToken.None));
        var byReader = await RunAsync(r => r.AddAsync(lead, Demo.LeadsConsortium, Form("Read only", "1", "1", "2011"), CancellationToken.None));
        var signedOut = await RunAsync(r => r.AddAsync(null, Demo.ManagedConsortium, Form("Nobody", "1", "1", "2011"), CancellationToken.None));
        var listed = await RunAsync(r => r.ListAsync(manager, Demo.OtherConsortium, CancellationToken.None));
        var found = await RunAsync(r => r.FindAsync(manager, Demo.OtherConsortium, other.Id, CancellationToken.None));
        var elsewhere = await RunAsync(r => r.FindAsync(manager, Demo.ManagedConsortium, other.Id, CancellationToken.None));

        Assert.All([added, changed, byReader, signedOut], o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Empty(listed);
        Assert.Null(found);
        Assert.Null(elsewhere);
        Assert.Equal(before, await CountsAsync());
        await using var db = _host.OpenContext();
        var stored = await db.DeclaredInterests.SingleAsync(i => i.Id == other.Id);
        Assert.Equal(("Dr B Jones", 0), (stored.Person, stored.Revision));
    }

    [Fact]
    public async Task A_change_from_a_stale_form_or_one_without_a_revision_is_refused_with_who_changed_it_and_nothing_changes()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = (await RunAsync(r => r.AddAsync(manager, Demo.ManagedConsortium, Form("Mr C Singh", "3", "1", "2011"), CancellationToken.None))).SavedId!.Value;
        await RunAsync(r => r.UpdateAsync(manager, Demo.ManagedConsortium, id, Form("Mr C Singh", "3", "1", "2011", management: "First", revision: "0"), CancellationToken.None));

        var stale = await RunAsync(r => r.UpdateAsync(manager, Demo.ManagedConsortium, id, Form("Mr C Singh", "3", "1", "2011", management: "Stale", revision: "0"), CancellationToken.None));
        var missing = await RunAsync(r => r.UpdateAsync(manager, Demo.ManagedConsortium, id, Form("Mr C Singh", "3", "1", "2011", management: "No revision"), CancellationToken.None));

        foreach (var refused in new[] { stale, missing })
        {
            Assert.Equal(EditStatus.Conflict, refused.Status);
            Assert.Equal((1, Demo.PctManager), (refused.Conflict!.CurrentRevision, refused.Conflict.ChangedBy));
            Assert.NotNull(refused.Conflict.ChangedAtUtc);
        }

        await using var db = _host.OpenContext();
        var stored = await db.DeclaredInterests.SingleAsync(i => i.Id == id);
        Assert.Equal(("First", 1), (stored.Management, stored.Revision));
    }

    [Fact]
    public async Task Every_problem_is_named_by_its_input_and_nothing_is_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var before = await CountsAsync();
        var nextYear = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var blank = await RunAsync(r => r.AddAsync(manager, Demo.ManagedConsortium, new DeclaredInterestForm { Person = " " }, CancellationToken.None));
        var future = await RunAsync(r => r.AddAsync(manager, Demo.ManagedConsortium, Form("Dr B Jones", "1", "1", nextYear), CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, blank.Status);
        Assert.Equal(
            [
                (DeclaredInterestForm.PersonField, "Enter the name of the person declaring the interest"),
                (DeclaredInterestForm.InterestField, "Enter the interest declared"),
                (DeclaredInterestForm.DeclaredDateField, "Enter the date declared"),
                (DeclaredInterestForm.ManagementField, "Enter how the conflict is managed"),
            ],
            blank.Problems.Select(p => (p.Field, p.Message)));
        Assert.Equal([DatePart.Day, DatePart.Month, DatePart.Year], blank.Problems[2].Parts);
        var problem = Assert.Single(future.Problems);
        Assert.Equal((DeclaredInterestForm.DeclaredDateField, "Date declared must be today or in the past"), (problem.Field, problem.Message));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_page_of_the_register_is_searched_sorted_and_paged_by_the_database()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await using (var db = _host.OpenContext())
        {
            await db.DeclaredInterests.Where(i => i.ConsortiumCode == Demo.ManagedConsortium).ExecuteDeleteAsync();
            for (var day = 1; day <= 25; day++)
            {
                db.DeclaredInterests.Add(new DeclaredInterest(Demo.ManagedConsortium, $"Person {day:00}", $"Interest {day}", new DateOnly(2011, 1, day), day == 7 ? "Leaves the room for DERMATOLOGY" : "Declared"));
            }

            db.DeclaredInterests.Add(new DeclaredInterest(Demo.OtherConsortium, "Elsewhere", "Dermatology", new DateOnly(2011, 1, 1), "Declared"));
            await db.SaveChangesAsync();
        }

        var first = await PageAsync(manager, new InterestRegisterQuery());
        var second = await PageAsync(manager, new InterestRegisterQuery(Page: 2));
        var beyond = await PageAsync(manager, new InterestRegisterQuery(Page: 9));
        var byPerson = await PageAsync(manager, new InterestRegisterQuery(Sort: "person", Descending: false));
        var oldestFirst = await PageAsync(manager, new InterestRegisterQuery(Descending: false));
        var searched = await PageAsync(manager, new InterestRegisterQuery(Search: "dermatology"));

        Assert.Equal((1, 2, 25, 25, InterestRegisterQuery.PageSize), (first!.Page, first.PageCount, first.Matching, first.Total, first.Entries.Count));
        Assert.Equal("Person 25", first.Entries[0].Person);
        Assert.Equal((2, 5, "Person 05"), (second!.Page, second.Entries.Count, second.Entries[0].Person));
        Assert.Equal(2, beyond!.Page);
        Assert.Equal("Person 01", byPerson!.Entries[0].Person);
        Assert.Equal(new DateOnly(2011, 1, 1), oldestFirst!.Entries[0].DeclaredOn);
        Assert.Equal((1, 25), (searched!.Matching, searched.Total));
        Assert.Equal("Person 07", Assert.Single(searched.Entries).Person);
        Assert.Null(await PageAsync(manager, new InterestRegisterQuery(), Demo.OtherConsortium));
        Assert.Null(await PageAsync(null, new InterestRegisterQuery()));
    }

    [Fact]
    public void The_register_query_reads_the_address_and_notes_what_it_cannot_use()
    {
        var (plain, none) = InterestRegisterQuery.Parse(null, null, null, null);
        var (byPerson, _) = InterestRegisterQuery.Parse(" patel ", "Person", null, "2");
        var (bad, notes) = InterestRegisterQuery.Parse(new string('x', InterestRegisterQuery.LongestSearch + 1), "shoe-size", "sideways", "two");

        Assert.Equal(new InterestRegisterQuery(null, "declared", true, 1), plain);
        Assert.Empty(none);
        Assert.True(plain.InDefaultDirection);
        Assert.Equal(new InterestRegisterQuery("patel", "person", false, 2), byPerson);
        Assert.True(byPerson.InDefaultDirection);
        Assert.Equal(new InterestRegisterQuery(null, "declared", false, 1), bad);
        Assert.False(bad.InDefaultDirection);
        Assert.Equal(4, notes.Count);
    }

    private static DeclaredInterestForm Form(string person, string day, string month, string year, string management = "Withdraws from decisions", string? revision = null) => new()
    {
        Person = person,
        Interest = "Partner in a practice that holds a community contract",
        DeclaredDay = day,
        DeclaredMonth = month,
        DeclaredYear = year,
        Management = management,
        Revision = revision,
    };

    private Task<T> RunAsync<T>(Func<InterestRegister, Task<T>> use) => _host.RunAsync(use);

    private Task<InterestRegisterPage?> PageAsync(ActingUser? user, InterestRegisterQuery query, string consortium = Demo.ManagedConsortium) =>
        RunAsync(r => r.PageAsync(user, consortium, query, CancellationToken.None));

    /// <summary>How many entries and audit entries the database holds.</summary>
    private async Task<(int Interests, int Audited)> CountsAsync()
    {
        await using var db = _host.OpenContext();
        return (await db.DeclaredInterests.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private async Task<DeclaredInterest> StoreAsync(DeclaredInterest interest)
    {
        await using var db = _host.OpenContext();
        db.DeclaredInterests.Add(interest);
        await db.SaveChangesAsync();
        return interest;
    }
}
