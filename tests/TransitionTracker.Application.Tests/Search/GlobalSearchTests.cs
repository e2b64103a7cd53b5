using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Search;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Tests.Search;

/// <summary>
/// The app bar's search: organisations by code or name, ranked; users for administrators only; only what the reader
/// may open; text too short finds nothing without a query, text too long is cut, wildcards are literal; one query.
/// </summary>
public sealed class GlobalSearchTests : IAsyncLifetime
{
    private readonly CommandCounter _commands = new();
    private readonly ApplicationHost _host;

    public GlobalSearchTests()
    {
        _host = new ApplicationHost(services: services =>
        {
            services.ConfigureDbContext<SqliteTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
            services.ConfigureDbContext<PostgresTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_code_in_any_case_finds_its_organisation_first()
    {
        var national = await _host.UserAsync(Demo.National);
        var member = await MemberOfAsync(Demo.LeadsConsortium);
        var (name, hostPct) = await ConsortiumAsync(Demo.LeadsConsortium);

        var region = (await FindAsync(national, "q30"))[0];
        var pct = (await FindAsync(national, "5d7"))[0];
        var consortium = (await FindAsync(national, "00g"))[0];
        var practice = (await FindAsync(national, member.Code.ToLowerInvariant()))[0];

        Assert.Equal(new SearchHit(SearchHitKind.Region, "Q30", "North East", "Strategic health authority", "/regions/Q30"), region);
        Assert.Equal(new SearchHit(SearchHitKind.Pct, "5D7", "Newcastle PCT", "North East", "/pcts/5D7"), pct);
        Assert.Equal(new SearchHit(SearchHitKind.Consortium, "00G", name, $"{hostPct}, North East", "/consortia/00G"), consortium);
        Assert.Equal(new SearchHit(SearchHitKind.Practice, member.Code, member.Name, $"{name}, {member.PctName}", "/consortia/00G"), practice);
    }

    [Fact]
    public async Task A_name_in_any_case_finds_every_organisation_with_a_word_starting_with_it()
    {
        var national = await _host.UserAsync(Demo.National);

        var lower = await FindAsync(national, "newcastle");
        var upper = await FindAsync(national, "  NEWCASTLE ");

        Assert.Equal(lower, upper);
        var organisations = lower.Where(h => h.Kind != SearchHitKind.Practice).Select(h => (h.Kind, h.Code)).ToList();
        // Consortia before PCTs at the same rank of match, each kind by name.
        Assert.Equal([(SearchHitKind.Consortium, "00G"), (SearchHitKind.Consortium, "00H"), (SearchHitKind.Pct, "5D7")], organisations);
    }

    [Fact]
    public async Task Codes_rank_above_word_starts_and_word_starts_above_matches_inside_a_word()
    {
        var national = await _host.UserAsync(Demo.National);
        await AddPracticesAsync(
            ("Y99004", "OLDZEBRA CLINIC"),
            ("Y99003", "ZEBRA HOUSE"),
            ("ZEBRA1", "HILL SURGERY"),
            ("Y99002", "THE ZEBRA CROSSING SURGERY"),
            ("ZEBRA", "QUIET LANE SURGERY"),
            ("Y99001", "ST.ZEBRA'S MEDICAL CENTRE"));

        var hits = await FindAsync(national, "Zebra");

        // Exact code, code prefix, then names with a word starting "zebra" (after a space, a full stop or at the start) by name, then inside a word.
        Assert.Equal(["ZEBRA", "ZEBRA1", "Y99001", "Y99002", "Y99003", "Y99004"], hits.Select(h => h.Code));
        Assert.All(hits, h => Assert.Equal(SearchHitKind.Practice, h.Kind));
    }

    [Fact]
    public async Task A_practice_in_no_consortium_the_reader_may_read_links_to_its_pct()
    {
        var national = await _host.UserAsync(Demo.National);
        var manager = await _host.UserAsync(Demo.PctManager);
        var regional = await _host.UserAsync(Demo.RegionalLead);
        await AddPracticesAsync(("Y99011", "ZZALONE SURGERY"), ("Y99012", "ZZELSEWHERE SURGERY"));
        await using (var db = _host.OpenContext())
        {
            db.ConsortiumMemberships.Add(new ConsortiumMembership(Demo.OtherConsortium, "Y99012", new DateOnly(2011, 4, 1)));
            await db.SaveChangesAsync();
        }

        var alone = Assert.Single(await FindAsync(national, "zzalone"));
        var elsewhereForManager = Assert.Single(await FindAsync(manager, "zzelsewhere"));
        var elsewhereForRegional = Assert.Single(await FindAsync(regional, "zzelsewhere"));

        Assert.Equal(new SearchHit(SearchHitKind.Practice, "Y99011", "ZZALONE SURGERY", "No consortium, Newcastle PCT", "/pcts/5D7"), alone);
        // The PCT manager reads the practice's PCT but not its consortium (in another PCT): the PCT's page, no consortium named.
        Assert.Equal(new SearchHit(SearchHitKind.Practice, "Y99012", "ZZELSEWHERE SURGERY", "Newcastle PCT", "/pcts/5D7"), elsewhereForManager);
        Assert.Equal($"/consortia/{Demo.OtherConsortium}", elsewhereForRegional.Link);
    }

    [Fact]
    public async Task A_national_viewer_finds_organisations_everywhere_and_no_users()
    {
        var national = await _host.UserAsync(Demo.National);

        var regions = await FindAsync(national, "Q3");
        var users = await FindAsync(national, "demo");
        var otherRegion = await FindAsync(national, Demo.OtherRegionConsortium);

        Assert.Equal(["Q30", "Q31", "Q32", "Q33", "Q34", "Q35", "Q36", "Q37", "Q38", "Q39"], regions.Where(h => h.Kind == SearchHitKind.Region).Select(h => h.Code).Order());
        Assert.DoesNotContain(users, h => h.Kind == SearchHitKind.User);
        Assert.Equal(Demo.OtherRegionConsortium, otherRegion[0].Code);
    }

    [Fact]
    public async Task A_regional_lead_finds_only_what_is_in_their_region()
    {
        var lead = await _host.UserAsync(Demo.RegionalLead);

        var regions = await FindAsync(lead, "Q3");
        var north = await FindAsync(lead, "north");
        var otherRegion = await FindAsync(lead, Demo.OtherRegionConsortium);

        Assert.Equal([Demo.Region], regions.Where(h => h.Kind == SearchHitKind.Region).Select(h => h.Code));
        Assert.Contains(north, h => h.Kind == SearchHitKind.Region && h.Code == Demo.Region);
        Assert.DoesNotContain(north, h => h.Kind == SearchHitKind.Region && h.Code != Demo.Region);
        Assert.Contains(north, h => h.Kind == SearchHitKind.Pct && h.Code == "5D8");
        Assert.DoesNotContain(otherRegion, h => h.Kind == SearchHitKind.Consortium);
        await AssertEveryLinkOpensAsync(lead, north);
        Assert.DoesNotContain(north, h => h.Kind == SearchHitKind.User);
    }

    [Fact]
    public async Task A_pct_manager_finds_their_pcts_its_consortia_and_their_region_only()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var newcastle = await FindAsync(manager, "newcastle");
        var northTyneside = await FindAsync(manager, "5D8");
        var otherConsortium = await FindAsync(manager, Demo.OtherConsortium);
        var region = await FindAsync(manager, "north east");

        Assert.Contains(newcastle, h => h.Kind == SearchHitKind.Pct && h.Code == "5D7");
        Assert.Contains(newcastle, h => h.Kind == SearchHitKind.Consortium && h.Code == Demo.ManagedConsortium);
        Assert.DoesNotContain(northTyneside, h => h.Kind == SearchHitKind.Pct);
        Assert.DoesNotContain(otherConsortium, h => h.Kind == SearchHitKind.Consortium);
        Assert.Contains(region, h => h.Kind == SearchHitKind.Region && h.Code == Demo.Region);
        await AssertEveryLinkOpensAsync(manager, [.. newcastle, .. region]);
    }

    [Fact]
    public async Task A_consortium_lead_finds_their_consortium_and_its_members_only()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var member = await MemberOfAsync(Demo.LeadsConsortium);
        var neighbour = await MemberOfAsync(Demo.ManagedConsortium);

        var newcastle = await FindAsync(lead, "newcastle");
        var own = await FindAsync(lead, member.Code);
        var other = await FindAsync(lead, neighbour.Code);
        var pct = await FindAsync(lead, "5D7");
        var region = await FindAsync(lead, "north east");

        Assert.Equal([(SearchHitKind.Consortium, Demo.LeadsConsortium)], newcastle.Where(h => h.Kind != SearchHitKind.Practice).Select(h => (h.Kind, h.Code)));
        Assert.Equal($"/consortia/{Demo.LeadsConsortium}", Assert.Single(own).Link);
        Assert.Empty(other);
        Assert.Empty(pct);
        Assert.DoesNotContain(region, h => h.Kind == SearchHitKind.Region);
        await AssertEveryLinkOpensAsync(lead, newcastle);
    }

    [Fact]
    public async Task An_administrator_finds_users_by_email_or_display_name_and_nobody_else_does()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var national = await _host.UserAsync(Demo.National);
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        await using (var db = _host.OpenContext())
        {
            var account = await db.Users.SingleAsync(u => u.Id == lead.Id);
            account.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        var byEmail = await FindAsync(admin, regional.Email.ToUpperInvariant());
        var byName = await FindAsync(admin, "demo national");
        var disabled = await FindAsync(admin, lead.Email);

        Assert.Equal(new SearchHit(SearchHitKind.User, regional.Id, regional.DisplayName, regional.Email, $"/admin/users/{regional.Id}"), byEmail[0]);
        Assert.Equal(new SearchHit(SearchHitKind.User, national.Id, "Demo national viewer", national.Email, $"/admin/users/{national.Id}"), Assert.Single(byName));
        Assert.Equal($"{lead.Email}, disabled", disabled[0].Context);
        foreach (var reader in new[] { national, regional })
        {
            Assert.DoesNotContain(await FindAsync(reader, regional.Email), h => h.Kind == SearchHitKind.User);
            Assert.DoesNotContain(await FindAsync(reader, "demo national"), h => h.Kind == SearchHitKind.User);
        }
    }

    [Fact]
    public async Task Wildcards_in_the_text_are_matched_literally()
    {
        var national = await _host.UserAsync(Demo.National);
        await AddPracticesAsync(("Y99021", "ZZ 100% CARE"), ("Y99022", "ZZ A_B CARE"), ("Y99023", @"ZZ C\D CARE"));

        Assert.Empty(await FindAsync(national, "%%"));
        Assert.Empty(await FindAsync(national, "__"));
        Assert.Empty(await FindAsync(national, "a%b"));
        Assert.Equal(["Y99021"], (await FindAsync(national, "0% c")).Select(h => h.Code));
        Assert.Equal(["Y99022"], (await FindAsync(national, "a_b")).Select(h => h.Code));
        Assert.Equal(["Y99023"], (await FindAsync(national, @"c\d")).Select(h => h.Code));
        Assert.Empty(await FindAsync(national, @"\%"));
    }

    [Fact]
    public async Task Blank_or_one_character_text_or_nobody_signed_in_finds_nothing_without_asking_the_database()
    {
        var national = await _host.UserAsync(Demo.National);

        await using (await _host.Database.TakeAwayAsync())
        {
            foreach (var text in new[] { null, "", "   ", "\t\n", "a", " 5 ", "%" })
            {
                Assert.Empty(await FindAsync(national, text));
            }

            Assert.Empty(await FindAsync(null, "newcastle"));
            // The database really is away: a text long enough to search for is looked up, and fails.
            await Assert.ThrowsAnyAsync<DbException>(() => FindAsync(national, "ne"));
        }

        Assert.NotEmpty(await FindAsync(national, "ne"));
    }

    [Fact]
    public async Task Text_longer_than_a_hundred_characters_is_cut_to_a_hundred()
    {
        var national = await _host.UserAsync(Demo.National);
        var name = "ZZLONG" + string.Concat(Enumerable.Repeat(" WORD", 17)) + " THE END";
        Assert.Equal(99, name.Length);
        await AddPracticesAsync(("Y99031", name));

        // Runs of spaces count as one; from the 101st character on (" XTRA…") the text is dropped, so the rest matches.
        var text = name.Replace(" WORD", "   word", StringComparison.Ordinal) + " XTRA" + new string('X', 400);
        var hits = await FindAsync(national, text);

        Assert.Equal(["Y99031"], hits.Select(h => h.Code));
    }

    [Fact]
    public async Task The_limit_is_held_between_one_and_fifty()
    {
        var national = await _host.UserAsync(Demo.National);

        Assert.Single(await FindAsync(national, "surgery", 0));
        Assert.Single(await FindAsync(national, "surgery", -3));
        Assert.Equal(7, (await FindAsync(national, "surgery", 7)).Count);
        Assert.Equal(GlobalSearch.MaximumLimit, (await FindAsync(national, "surgery", 1000)).Count);
    }

    [Fact]
    public async Task Every_kind_is_searched_in_one_query()
    {
        var admin = await _host.UserAsync(Demo.Administrator);

        _commands.Reset();
        Assert.Empty(await FindAsync(admin, "n"));
        Assert.Equal(0, _commands.Count);
        var hits = await FindAsync(admin, "ne");

        Assert.Equal(1, _commands.Count);
        Assert.Equal(GlobalSearch.MaximumLimit, hits.Count);
    }

    private Task<IReadOnlyList<SearchHit>> FindAsync(ActingUser? user, string? text, int limit = GlobalSearch.MaximumLimit) =>
        _host.RunAsync<GlobalSearch, IReadOnlyList<SearchHit>>(s => s.FindAsync(user, text, limit, CancellationToken.None));

    private async Task AddPracticesAsync(params (string Code, string Name)[] practices)
    {
        await using var db = _host.OpenContext();
        db.Practices.AddRange(practices.Select(p => new Practice(p.Code, p.Name, "5D7", 1000, "added in a test")));
        await db.SaveChangesAsync();
    }

    private async Task<(string Code, string Name, string PctName)> MemberOfAsync(string consortium)
    {
        await using var db = _host.OpenContext();
        var member = await (
                from m in db.ConsortiumMemberships
                where m.ConsortiumCode == consortium && m.LeftOn == null
                join p in db.Practices on m.PracticeCode equals p.Code
                join pct in db.Pcts on p.PctCode equals pct.Code
                orderby p.Code
                select new { p.Code, p.Name, PctName = pct.Name })
            .FirstAsync();
        return (member.Code, member.Name, member.PctName);
    }

    private async Task<(string Name, string HostPctName)> ConsortiumAsync(string code)
    {
        await using var db = _host.OpenContext();
        var consortium = await (
                from c in db.Consortia
                where c.Code == code
                join cp in db.ConsortiumPcts on c.Code equals cp.ConsortiumCode
                where cp.IsHost
                join p in db.Pcts on cp.PctCode equals p.Code
                select new { c.Name, HostPctName = p.Name })
            .SingleAsync();
        return (consortium.Name, consortium.HostPctName);
    }

    // Every hit opens a page the reader may read: the scope check the pages make.
    private async Task AssertEveryLinkOpensAsync(ActingUser user, IReadOnlyList<SearchHit> hits)
    {
        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            var parts = hit.Link.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var kind = parts[0] switch
            {
                "regions" => OrganisationKind.Region,
                "pcts" => OrganisationKind.Pct,
                "consortia" => OrganisationKind.Consortium,
                _ => throw new InvalidOperationException($"{hit.Link} is not an organisation's page."),
            };
            Assert.True(
                await _host.RunAsync<OrganisationScope, bool>(s => s.AllowsAsync(user, kind, AccessOperation.Read, parts[1], CancellationToken.None)),
                $"{user.Email} may not open {hit.Link}, found for {hit.Kind} {hit.Code}.");
        }
    }

    /// <summary>Counts the commands the database runs for this test's host.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}
