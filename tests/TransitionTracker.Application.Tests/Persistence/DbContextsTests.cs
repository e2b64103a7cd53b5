using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Tests.Persistence;

/// <summary>Each operation's own context: audited as the acting user, and a save is seen by the next read of the same scope.</summary>
public sealed class DbContextsTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_save_is_audited_as_the_acting_user_and_the_next_cached_read_of_the_scope_sees_it()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var (before, after) = await _host.RunAsync<IServiceProvider, (int, int)>(async services =>
        {
            var contexts = services.GetRequiredService<DbContexts>();
            var reads = services.GetRequiredService<CachedReads>();
            async Task<int> CountAsync()
            {
                await using var db = contexts.OpenForReading();
                return await db.Regions.CountAsync();
            }

            var first = await reads.GetAsync("regions counted", _ => CountAsync(), CancellationToken.None);
            await using (var db = contexts.Open(admin))
            {
                db.Regions.Add(new Region("Q97", "Added in a test", null));
                await db.SaveChangesAsync();
            }

            return (first, await reads.GetAsync("regions counted", _ => CountAsync(), CancellationToken.None));
        });

        Assert.Equal(before + 1, after);
        await using var check = _host.OpenContext();
        var audit = await check.AuditEntries.Where(a => a.EntityType == nameof(Region) && a.EntityKey == "Q97").SingleAsync();
        Assert.Equal(Demo.Administrator, audit.Actor);
    }

    [Fact]
    public async Task A_reading_context_tracks_nothing()
    {
        var tracked = await _host.RunAsync<DbContexts, int>(async contexts =>
        {
            await using var reading = contexts.OpenForReading();
            await reading.Regions.ToListAsync();
            return reading.ChangeTracker.Entries().Count();
        });

        Assert.Equal(0, tracked);
    }
}
