using Microsoft.Extensions.Configuration;
using TransitionTracker.Web.Infrastructure.RateLimiting;

namespace TransitionTracker.Web.Tests.Infrastructure.RateLimiting;

public sealed class RateLimitingSettingsTests
{
    [Fact]
    public void Without_configuration_the_limits_are_on_with_the_documented_numbers()
    {
        var settings = RateLimitingSettings.From(new ConfigurationBuilder().Build());

        Assert.True(settings.Enabled);
        Assert.Equal((10, 60), (settings.SignIn.PermitLimit, settings.SignIn.WindowSeconds));
        Assert.Equal((300, 10), (settings.Api.PermitLimit, settings.Api.WindowSeconds));
    }

    [Fact]
    public void Setting_one_number_keeps_the_other_defaults()
    {
        var settings = RateLimitingSettings.From(Configuration(("RateLimiting:SignIn:PermitLimit", "25")));

        Assert.Equal((25, 60), (settings.SignIn.PermitLimit, settings.SignIn.WindowSeconds));
        Assert.Equal((300, 10), (settings.Api.PermitLimit, settings.Api.WindowSeconds));
    }

    [Theory]
    [InlineData("RateLimiting:SignIn:PermitLimit", "0", "RateLimiting:SignIn")]
    [InlineData("RateLimiting:Api:WindowSeconds", "-5", "RateLimiting:Api")]
    public void A_limit_that_allows_nothing_stops_the_app_naming_the_setting(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RateLimitingSettings.From(Configuration((key, value))));

        Assert.Contains(named, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
