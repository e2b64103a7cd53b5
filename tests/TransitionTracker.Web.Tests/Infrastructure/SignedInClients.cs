using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Clients signed in as demo accounts through Identity's bearer-token login (one login per account and app).</summary>
public static class SignedInClients
{
    private static readonly ConcurrentDictionary<(TransitionTrackerFactory, string), string> Tokens = new();

    public static HttpClient CreateClientFor(this TransitionTrackerFactory factory, string email)
    {
        var token = Tokens.GetOrAdd((factory, email), key => LogInAsync(key.Item1, key.Item2).GetAwaiter().GetResult());
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> LogInAsync(TransitionTrackerFactory factory, string email, string password = DemoAccountSeeder.DefaultPassword)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/identity/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }
}
