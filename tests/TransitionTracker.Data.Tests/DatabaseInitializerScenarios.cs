using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TransitionTracker.Data.Identity;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Data.Tests;

/// <summary>
/// What start-up does to a brand-new database, the same on every provider: each provider's test class gives it a
/// fresh database and runs these.
/// </summary>
public abstract class DatabaseInitializerScenarios
{
    // 375 demo accounts: admin, national, 10 regional leads, 152 PCT managers, 211 consortium leads.
    private static readonly (int, int, int, int, int, int) Seeded = (10, 152, 8058, 211, 8053, 375);

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    protected TransitionTrackerDbContext NewContext() => Initialisers.NewContext(Provider, ConnectionString);

    protected async Task MigrateAndSeedTwiceAsync()
    {
        await InitialiseAsync(seedDemo: true);
        var first = await CountsAsync();
        await using (var db = NewContext())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
            Assert.Equal(["gp-consortium-readiness-2010", "world-class-commissioning"], await db.Frameworks.OrderBy(f => f.FrameworkId).Select(f => f.FrameworkId).ToArrayAsync());
            Assert.Equal(211 * (DemoHistorySeeder.Rounds + 2), await db.Assessments.CountAsync());
            Assert.True(await db.Assessments.AllAsync(a => a.Responses.Any() && a.DomainScores.Any()), "every assessment's answers and scores went in through the bulk insert");
            Assert.Equal(152 * DemoHistorySeeder.Rounds, await db.QualityIndicators.CountAsync());
        }

        await InitialiseAsync(seedDemo: true);
        var second = await CountsAsync();

        Assert.Equal(Seeded, first);
        Assert.Equal(first, second);
    }

    protected async Task SeedWithoutDemoDataAsync()
    {
        await InitialiseAsync(seedDemo: false);

        Assert.Equal((10, 152, 8058, 0, 0, 0), await CountsAsync());
    }

    /// <summary>An account stored before accounts had a colour scheme follows the browser once the column is added.</summary>
    protected async Task UpgradeKeepsExistingAccountsFollowingTheBrowserAsync()
    {
        await using (var db = NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("TrackDecisionRevision");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "IsDisabled", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('existing-user', 'Existing User', FALSE, TRUE, FALSE, FALSE, FALSE, 0)
                """);
        }

        await InitialiseAsync(seedDemo: false);

        await using var upgraded = NewContext();
        Assert.Equal(ColourScheme.System, await upgraded.Users.Where(u => u.Id == "existing-user").Select(u => u.ColourScheme).SingleAsync());
    }

    private Task InitialiseAsync(bool seedDemo) => Initialisers.InitialiseAsync(Provider, ConnectionString, seedDemo);

    private async Task<(int, int, int, int, int, int)> CountsAsync()
    {
        await using var db = NewContext();
        return (await db.Regions.CountAsync(), await db.Pcts.CountAsync(), await db.Practices.CountAsync(),
            await db.Consortia.CountAsync(), await db.ConsortiumMemberships.CountAsync(), await db.Users.CountAsync());
    }
}
