using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Live;
using TransitionTracker.Data.Changes;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Web.Infrastructure.Circuits;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Shared;

/// <summary>
/// An open page reads again when a change it shows is heard (here, or from another instance), once for a burst, and
/// says so quietly when what it shows changed; a read that changed nothing renders nothing; changes it does not show,
/// and changes after it has closed, read nothing.
/// </summary>
public sealed class LiveUpdatesTests : MudComponentContext, IClassFixture<TransitionTrackerFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory;
    private readonly IServiceProvider _scope;
    private readonly LiveChanges _live;
    private int _reads;
    private bool _readChanges = true;

    public LiveUpdatesTests(TransitionTrackerFactory factory)
    {
        _factory = factory;
        _scope = factory.Services.CreateScope().ServiceProvider;
        Services.AddFallbackServiceProvider(_scope);
        _live = factory.Services.GetRequiredService<LiveChanges>();
    }

    [Fact]
    public async Task A_live_page_carries_a_wake_token_for_its_user_and_what_it_shows()
    {
        var user = await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.ConsortiumLead("00G"));
        _scope.GetRequiredService<CurrentUser>().SignedIn(user);

        var token = Render().Find("[data-live-wake]").GetAttribute("data-live-wake")!;

        var interest = _factory.Services.GetRequiredService<LiveWakeTokens>().Read(token, user.Id);
        Assert.Equal(LiveInterest.Consortium("00G").Key, interest?.Key);
    }

    [Fact]
    public async Task The_bell_wakes_for_its_own_users_notifications_and_a_prerendered_page_carries_no_wake_token()
    {
        var user = await DemoUsers.ActingAsync(_factory, DemoAccountSeeder.ConsortiumLead("00G"));
        _scope.GetRequiredService<CurrentUser>().SignedIn(user);

        var bell = RenderInteractive<Page>(p => p.Add(x => x.About, LiveInterest.AddressedTo(user.Id, "Notification")).Add(x => x.ShowNote, false));
        var interest = _factory.Services.GetRequiredService<LiveWakeTokens>().Read(bell.Find("[data-live-wake]").GetAttribute("data-live-wake")!, user.Id)!;
        Assert.Equal(LiveInterest.AddressedTo(user.Id, "Notification").Key, interest.Key);
        Assert.True(interest.Matches(new DataChange(new HashSet<string> { "Notification" }, new HashSet<string>(), new HashSet<string>()) { Recipients = new HashSet<string> { user.Id } }));
        Assert.False(interest.Matches(new DataChange(new HashSet<string> { "Notification" }, new HashSet<string>(), new HashSet<string>()) { Recipients = new HashSet<string> { "someone-else" } }));

        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Assert.Empty(Render<Page>(p => p.Add(x => x.About, LiveInterest.Consortium("00G"))).FindAll("[data-live-wake]"));
    }

    [Fact]
    public void Nobody_signed_in_gets_no_wake_token()
    {
        Assert.Empty(Render().FindAll("[data-live-wake]"));
    }

    [Fact]
    public void A_burst_of_changes_the_page_shows_is_read_once_and_the_page_says_it_was_updated()
    {
        var note = Render(quiet: TimeSpan.FromMilliseconds(300));
        Assert.Equal("", note.Find("#live-note").TextContent);

        for (var i = 0; i < 5; i++)
        {
            _live.Receive(Change("00G"));
        }

        note.WaitForAssertion(() => Assert.Equal("Updated just now", note.Find("#live-note").TextContent), Patience);
        Assert.Equal(1, Volatile.Read(ref _reads));
        Assert.Equal("polite", note.Find("#live-note").GetAttribute("aria-live"));

        _live.Receive(Change("00G"));
        note.WaitForAssertion(() => Assert.Equal(2, Volatile.Read(ref _reads)), Patience);
    }

    [Fact]
    public async Task A_read_that_changed_nothing_says_nothing_and_renders_nothing()
    {
        _readChanges = false;
        var note = Render();
        var renders = note.RenderCount;

        _live.Receive(Change("00G"));

        // Nothing renders to wake a wait-for-state: the count is polled.
        var until = DateTime.UtcNow + Patience;
        while (Volatile.Read(ref _reads) == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        Assert.Equal(1, Volatile.Read(ref _reads));
        Assert.Equal("", note.Find("#live-note").TextContent);
        Assert.Equal(renders, note.RenderCount);
    }

    [Fact]
    public async Task The_page_is_rendered_with_what_it_read_only_when_the_read_says_it_changed()
    {
        var page = RenderInteractive<CountingPage>();
        var renders = page.Instance.Renders;

        _live.Receive(Change("00G"));
        page.WaitForAssertion(() => Assert.Equal("Shown 1", page.Find("#shown").TextContent), Patience);
        Assert.Equal(renders + 1, page.Instance.Renders);

        page.Instance.Changes = false;
        _live.Receive(Change("00G"));
        var until = DateTime.UtcNow + Patience;
        while (page.Instance.Reads < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        await Task.Delay(200);
        Assert.Equal(2, page.Instance.Reads);
        Assert.Equal(renders + 1, page.Instance.Renders);
    }

    [Fact]
    public async Task Opening_counts_as_a_read_so_a_change_heard_straight_after_waits_for_the_quiet_time()
    {
        var note = Render(quiet: TimeSpan.FromHours(1));

        _live.Receive(Change("00G"));

        await Task.Delay(500);
        Assert.Equal(0, Volatile.Read(ref _reads));
        Assert.Equal("", note.Find("#live-note").TextContent);
    }

    [Fact]
    public async Task Changes_the_page_does_not_show_read_nothing()
    {
        var note = Render();

        _live.Receive(Change("00H"));
        _live.Receive(new DataChange(new HashSet<string> { "UserPreference" }, new HashSet<string>(), new HashSet<string>()));

        await Task.Delay(500);
        Assert.Equal(0, Volatile.Read(ref _reads));
        Assert.Equal("", note.Find("#live-note").TextContent);
    }

    [Fact]
    public void Anything_changed_reads_again()
    {
        var note = Render();

        _live.Receive(DataChange.Everything);

        note.WaitForAssertion(() => Assert.Equal(1, Volatile.Read(ref _reads)), Patience);
    }

    [Fact]
    public async Task A_closed_page_stops_watching()
    {
        var watching = _live.WatcherCount;
        var note = Render();
        Assert.Equal(watching + 1, _live.WatcherCount);

        note.Instance.Dispose();
        _live.Receive(Change("00G"));

        await Task.Delay(300);
        Assert.Equal(watching, _live.WatcherCount);
        Assert.Equal(0, Volatile.Read(ref _reads));
    }

    [Fact]
    public void A_prerendered_page_does_not_watch()
    {
        var watching = _live.WatcherCount;
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        Render<Page>(p => p.Add(x => x.About, LiveInterest.Consortium("00G")).Add(x => x.Read, ReadAsync));

        Assert.Equal(watching, _live.WatcherCount);
    }

    [Fact]
    public void A_refresh_that_is_not_a_method_of_the_page_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RenderInteractive<LiveUpdates>(p => p
            .Add(x => x.About, LiveInterest.Consortium("00G"))
            .Add(x => x.Refresh, () => Task.FromResult(true))));

        Assert.Contains("must be a method of the page it refreshes", error.Message);
    }

    private IRenderedComponent<LiveUpdates> Render(TimeSpan? quiet = null) =>
        RenderInteractive<Page>(p => p
            .Add(x => x.About, LiveInterest.Consortium("00G"))
            .Add(x => x.Read, ReadAsync)
            .Add(x => x.Quiet, quiet ?? TimeSpan.FromMilliseconds(100)))
        .FindComponent<LiveUpdates>();

    // The page's read: counted, and as changed as the test says.
    private Task<bool> ReadAsync()
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(Volatile.Read(ref _readChanges));
    }

    // A page that shows LiveUpdates and reads with the test's read.
    private sealed class Page : ComponentBase
    {
        [Parameter]
        public LiveInterest About { get; set; } = LiveInterest.None;

        [Parameter]
        public Func<Task<bool>> Read { get; set; } = static () => Task.FromResult(false);

        [Parameter]
        public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(100);

        [Parameter]
        public bool ShowNote { get; set; } = true;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<LiveUpdates>(0);
            builder.AddComponentParameter(1, nameof(LiveUpdates.About), About);
            builder.AddComponentParameter(2, nameof(LiveUpdates.Refresh), (Func<Task<bool>>)ReadAsync);
            builder.AddComponentParameter(3, nameof(LiveUpdates.Quiet), Quiet);
            builder.AddComponentParameter(4, nameof(LiveUpdates.ShowNote), ShowNote);
            builder.CloseComponent();
        }

        private Task<bool> ReadAsync() => Read();
    }

    // A page whose read changes what it shows when told to, counting its reads and renders.
    private sealed class CountingPage : ComponentBase
    {
        private int _shown;

        public bool Changes { get; set; } = true;

        public int Reads { get; private set; }

        public int Renders { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "id", "shown");
            builder.AddContent(2, $"Shown {_shown}");
            builder.CloseElement();
            builder.OpenComponent<LiveUpdates>(3);
            builder.AddComponentParameter(4, nameof(LiveUpdates.About), LiveInterest.Consortium("00G"));
            builder.AddComponentParameter(5, nameof(LiveUpdates.Refresh), (Func<Task<bool>>)ReadAsync);
            builder.AddComponentParameter(6, nameof(LiveUpdates.Quiet), TimeSpan.FromMilliseconds(100));
            builder.CloseComponent();
        }

        private Task<bool> ReadAsync()
        {
            Reads++;
            if (Changes)
            {
                _shown++;
            }

            return Task.FromResult(Changes);
        }
    }

    private static DataChange Change(string consortium) =>
        new(new HashSet<string> { "Assessment" }, new HashSet<string> { consortium }, new HashSet<string>());
}
