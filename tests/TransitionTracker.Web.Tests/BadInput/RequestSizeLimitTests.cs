using System.Net;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.BadInput;

/// <summary>
/// The size limits on a real Kestrel server (the test server enforces none of Kestrel's own): a body over 1 MB
/// is answered 413 whether or not it says its length, and too much header 431, before anything reads it.
/// </summary>
public sealed class RequestSizeLimitTests
{
    [Fact]
    public async Task Kestrel_refuses_an_oversized_body_with_413_and_oversized_headers_with_431()
    {
        using var factory = new TransitionTrackerFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        Assert.Equal(1024 * 1024, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        using var client = factory.CreateClient();

        var oversized = $$"""{"email":"{{new string('x', 2 * 1024 * 1024)}}","password":"x"}""";
        // Declared too large: refused from the headers (the client waits for 100-continue, so sends no body).
        using (var declared = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login") { Content = new StringContent(oversized, Encoding.UTF8, "application/json") })
        using (var withLength = await client.SendAsync(Expecting100Continue(declared)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
            Assert.Equal("application/problem+json", withLength.Content.Headers.ContentType?.MediaType);
        }

        // Without a length: refused once 1 MB has been read. Kestrel then closes the connection, which can reach the
        // client while it is still writing the rest (a broken pipe rather than the answer); sent again, it is read.
        using (var response = await SendChunkedAsync(client, oversized))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        using (var form = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded") })
        using (var page = await client.SendAsync(Expecting100Continue(form)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
            Assert.Equal("What you sent is too large", (await HtmlPage.ParseAsync(await page.Content.ReadAsStringAsync())).QuerySelector("h1")!.Text());
        }

        using var headers = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        headers.Headers.Add("X-Padding", new string('x', 40 * 1024));
        using (var response = await client.SendAsync(headers))
        {
            Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> SendChunkedAsync(HttpClient client, string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            chunked.Headers.TransferEncodingChunked = true;
            chunked.Content.Headers.ContentLength = null;
            try
            {
                return await client.SendAsync(chunked);
            }
            catch (HttpRequestException e) when (attempt < 5 && e.InnerException is IOException)
            {
                // The connection was closed under the body still being written; try again.
            }
        }
    }

    private static HttpRequestMessage Expecting100Continue(HttpRequestMessage request)
    {
        request.Headers.ExpectContinue = true;
        return request;
    }
}
