using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Evidence;
using TransitionTracker.Domain.Evidence;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// Evidence files on an assessment's answers (docs/security.md, "Evidence files"): a PCT manager who may edit the
/// consortium posts a file to a draft's answer as multipart/form-data (field <c>file</c>) and deletes one; anyone who
/// may read the consortium downloads those of a submitted assessment, always as an attachment. Scope is checked by
/// the use case from the assessment (out of scope, like an unknown id, is a 404).
/// </summary>
public static partial class EvidenceApi
{
    /// <summary>The multipart field the file is sent in.</summary>
    public const string FileFieldName = "file";

    /// <summary>The largest upload request: the largest file and room for the multipart framing around it.</summary>
    public const long MaxUploadRequestBytes = EvidenceFileTypes.MaxBytes + (64 * 1024);

    /// <summary>Whether the request is an upload, whose body may be larger than other requests' (docs/operations.md, "Evidence files").</summary>
    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && UploadPath().IsMatch(request.Path.Value ?? "");

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assessments/{id:int}/answers/{criterion}/attachments").WithTags("Evidence files").RequireAuthorization();
        group.MapPost("/", UploadAsync)
            .WithName("AttachEvidenceFile")
            .WithSummary("Attaches a file to a criterion's answer in a draft assessment: multipart/form-data with the file in the field 'file'. "
                + "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PNG or JPEG, recognised by its content and named as what it is; at most 10 MB, "
                + "and at most 30 files to an assessment. A refused file stores nothing.")
            .AddOpenApiOperationTransformer(DescribeMultipartBody)
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{attachmentId:int}", DownloadAsync)
            .WithName("DownloadEvidenceFile")
            .WithSummary("The file, as a download (Content-Disposition: attachment) of the type its content was recognised as.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{attachmentId:int}", RemoveAsync)
            .WithName("RemoveEvidenceFile")
            .WithSummary("Removes a file from a draft's answer; a submitted assessment keeps its files (400).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> UploadAsync(int id, string criterion, HttpRequest request, EvidenceFiles evidence, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (!await evidence.MayChangeAsync(currentUser.Acting, id, criterion, cancellationToken))
        {
            return NotFound();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return TypedResults.Problem(
                title: "The request is not a file upload.",
                detail: $"Send the file as multipart/form-data, in a field named '{FileFieldName}'. Nothing was stored.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        // The file is read section by section as it arrives, never buffered as a whole form first.
        var reader = new MultipartReader(boundary.ToString(), request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).ToString(), FileFieldName, StringComparison.Ordinal))
                {
                    continue;
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                var outcome = await evidence.UploadAsync(currentUser.Acting, id, criterion, fileName, section.Body, cancellationToken);
                return outcome.Status switch
                {
                    EditStatus.Saved => TypedResults.Json(Describe(outcome.Value!)),
                    EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (p.Field, p.Message))),
                    _ => NotFound(),
                };
            }
        }
        catch (InvalidDataException)
        {
            // A malformed multipart body (headers too long, no boundary where one belongs).
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
        }

        return ValidationProblems.From([(FileFieldName, $"No file was found in the field '{FileFieldName}' of the multipart form. Nothing was stored.")]);
    }

    private static async Task<IResult> DownloadAsync(int id, string criterion, int attachmentId, HttpResponse response, EvidenceFiles evidence, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var file = await evidence.DownloadAsync(currentUser.Acting, id, criterion, attachmentId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Serve(response);
        return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
    }

    private static async Task<IResult> RemoveAsync(int id, string criterion, int attachmentId, EvidenceFiles evidence, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var outcome = await evidence.RemoveAsync(currentUser.Acting, id, criterion, attachmentId, cancellationToken);
        return outcome.Status switch
        {
            EditStatus.Saved => TypedResults.NoContent(),
            EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (p.Field, p.Message))),
            _ => NotFound(),
        };
    }

    /// <summary>
    /// Says on the download itself that the browser must not guess another type from the content. The file result
    /// sends <c>Content-Disposition: attachment</c> with the safe name, and the type the content was recognised as;
    /// <c>SecurityHeadersMiddleware</c> adds the site's headers, <c>no-store</c> among them (docs/security.md, "Evidence files").
    /// </summary>
    private static void Serve(HttpResponse response) => response.Headers.XContentTypeOptions = "nosniff";

    private static IResult NotFound() => ApiProblems.NotFound("There is no such evidence file, assessment or criterion that you may use.");

    private static object Describe(EvidenceFile file) => new
    {
        id = file.Id,
        assessment = file.AssessmentId,
        criterion = file.CriterionId,
        fileName = file.FileName,
        type = EvidenceFileTypes.ContentType(file.FileType),
        kind = file.Kind,
        length = file.Length,
        sha256 = file.Sha256,
        uploadedBy = file.UploadedBy,
        uploadedAt = DateTime.SpecifyKind(file.UploadedAtUtc, DateTimeKind.Utc),
        download = $"/api/assessments/{file.AssessmentId}/answers/{Uri.EscapeDataString(file.CriterionId)}/attachments/{file.Id}",
    };

    // The multipart body is described here, not declared with Accepts, for the reason QualityIndicatorApi gives: a
    // declared content type would answer 415 before the scope check.
    private static Task DescribeMultipartBody(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"The file in the multipart field '{FileFieldName}'.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { [FileFieldName] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        Required = new HashSet<string> { FileFieldName },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^/api/assessments/[0-9]+/answers/[^/]+/attachments/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UploadPath();
}
