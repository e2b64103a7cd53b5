using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json is complete enough for a client generator: every operation has a unique operationId, a
/// summary, its security (the bearer scheme, or explicitly none when the endpoint really is anonymous) and a
/// problem-details 4xx answer. Outside Development only signed-in users may read it.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private readonly TransitionTrackerFactory _factory = new();

    [Fact]
    public async Task Every_operation_has_an_operation_id_a_summary_its_security_and_a_problem_details_4xx_answer()
    {
        var document = await _factory.CreateClientFor(DemoAccountSeeder.National).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.EnumerateObject().Single(s => s.Value.GetProperty("type").GetString() == "http" && s.Value.GetProperty("scheme").GetString() == "bearer").Name;
        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var anonymous = AnonymousEndpoints();

        var failures = new List<string>();
        var operationIds = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var what = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                if (op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } operationId)
                {
                    operationIds.Add(operationId);
                }
                else
                {
                    failures.Add($"{what}: no operationId");
                }

                if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    failures.Add($"{what}: no summary");
                }

                if (!op.TryGetProperty("security", out var security))
                {
                    failures.Add($"{what}: no security");
                }
                else if (anonymous.Contains(what))
                {
                    if (security.GetArrayLength() != 0)
                    {
                        failures.Add($"{what}: anonymous, but it declares security");
                    }
                }
                else if (!security.EnumerateArray().Any(r => r.TryGetProperty(bearer, out _)))
                {
                    failures.Add($"{what}: needs a signed-in user, but does not name the {bearer} scheme");
                }

                var problems = op.GetProperty("responses").EnumerateObject()
                    .Where(r => r.Name.StartsWith('4') && r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _))
                    .ToList();
                if (problems.Count == 0)
                {
                    failures.Add($"{what}: no 4xx answer with application/problem+json");
                }

                failures.AddRange(problems
                    .Select(r => r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"))
                    .Where(s => s.TryGetProperty("$ref", out var reference) && !schemas.Contains(reference.GetString()!.Split('/')[^1]))
                    .Select(s => $"{what}: its problem schema {s.GetProperty("$ref").GetString()} is not in the document"));
            }
        }

        Assert.True(operations >= 20, $"Only {operations} operations in the document.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(operationIds.Count, operationIds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Outside_development_the_document_is_only_for_signed_in_users()
    {
        using var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false };
        using var anonymous = production.CreateClient(options);
        using var signedIn = production.CreateClient(options);
        var login = await signedIn.PostAsJsonAsync("/api/identity/login", new { email = DemoAccountSeeder.PctManager("5D7"), password = DemoAccountSeeder.DefaultPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var refused = await anonymous.GetAsync("/openapi/v1.json");
        var served = await signedIn.GetAsync("/openapi/v1.json");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("\"openapi\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("\"openapi\"", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_anyone_may_read_the_document()
    {
        using var anonymous = _factory.CreateClient();

        var served = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>"METHOD /pattern" of every endpoint the authorization middleware lets through without a user.</summary>
    private HashSet<string> AnonymousEndpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet(StringComparer.Ordinal);
}
