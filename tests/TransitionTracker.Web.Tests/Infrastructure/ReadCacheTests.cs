using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Application.Caching;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// The read cache never serves a result after a change: every save, by this app or by any other instance on the same
/// database, gives the data a new stamp, and every request checks the stamp first. Changes here are made through a
/// separate DbContext, as another instance would make them.
/// </summary>
public sealed class ReadCacheTests(TransitionTrackerFactory factory) : IClassFixture<TransitionTrackerFactory>
{
    [Fact]
    public async Task A_change_saved_by_another_instance_shows_on_the_next_request()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.National);
        var before = await client.GetStringAsync("/consortia/00G");
        Assert.DoesNotContain("Mentoring from a fast-mover consortium", before, StringComparison.Ordinal);

        await using (var db = factory.Database.OpenContext())
        {
            var criterion = await db.SupportActions.Select(a => a.CriterionId).FirstAsync();
            db.SupportActions.Add(new SupportAction("00G", criterion, "Mentoring from a fast-mover consortium", "Regional team", new DateOnly(2099, 1, 31), "elsewhere@demo.test", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var after = await client.GetStringAsync("/consortia/00G");
        Assert.Contains("Mentoring from a fast-mover consortium", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_the_stamp_changes_a_page_is_served_from_memory()
    {
        using var client = factory.CreateClientFor(DemoAccountSeeder.National);
        var original = await NameAsync(client);

        // A write that bypasses SaveChanges (as a bulk load does) is not seen until the data is given a new stamp.
        await using (var connection = factory.OpenConnection())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"Consortia\" SET \"Name\" = 'Renamed without a stamp' WHERE \"Code\" = '00G'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(original, await NameAsync(client));

        await using (var db = factory.Database.OpenContext())
        {
            await DataVersion.RestampAsync(db, CancellationToken.None);
        }

        Assert.Equal("Renamed without a stamp", await NameAsync(client));
    }

    [Fact]
    public async Task A_user_disabled_by_another_instance_is_refused_on_their_next_request()
    {
        var email = DemoAccountSeeder.ConsortiumLead("00G");
        using var client = factory.CreateClientFor(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00G/readiness")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00G/readiness")).StatusCode);

        await using (var db = factory.Database.OpenContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/consortia/00G/readiness")).StatusCode);
    }

    [Fact]
    public async Task Nothing_read_inside_a_transaction_is_kept_so_a_rollback_leaves_no_trace()
    {
        const string key = "regions counted in a transaction test";
        int inside;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            var reads = scope.ServiceProvider.GetRequiredService<CachedReads>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Regions.Add(new Region("Q96", "Never committed", null));
            await db.SaveChangesAsync();
            inside = await reads.GetAsync(db, key, ct => db.Regions.CountAsync(ct), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
            var reads = scope.ServiceProvider.GetRequiredService<CachedReads>();
            Assert.Equal(inside - 1, await reads.GetAsync(key, ct => db.Regions.CountAsync(ct), CancellationToken.None));
        }
    }

    private static async Task<string> NameAsync(HttpClient client)
    {
        var (response, page) = await HtmlPage.GetAsync(client, "/consortia/00G");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("h1")!.Text();
    }
}
