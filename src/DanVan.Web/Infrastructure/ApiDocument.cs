using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DanVan.Infrastructure;

/// <summary>
/// The published OpenAPI document says what the API does, so a province's IT can generate a client from it: every
/// operation has a unique id, the bearer scheme, and the refusals it can answer (problem details); enums are strings
/// without a null among their values; strings are typed; numbers are written as numbers. The integration suites check
/// every answer they receive against this document.
/// </summary>
public static class ApiDocument
{
    public const string ProblemSchema = "ProblemDetails";

    private static readonly HashSet<string> SharedNames = [.. new[] { typeof(ApiDocument).Assembly, typeof(Domain.Initiative).Assembly }
        .SelectMany(a => a.GetExportedTypes()).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key)];

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        // Two classes of one name (IndicatorView of the catalogue and of a result) must not share one schema.
        options.CreateSchemaReferenceId = info => OpenApiOptions.CreateDefaultSchemaReferenceId(info) is { } id
            ? SharedNames.Contains(info.Type.Name) && info.Type.Namespace is { } ns ? ns.Split('.')[^1] + id : id
            : null;
        options.AddSchemaTransformer(SchemaAsync);
        options.AddDocumentTransformer(DocumentAsync);
    }

    private static Task SchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Enum is { Count: > 0 } values)
        {
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (values[i] is null)
                {
                    values.RemoveAt(i);
                }
            }

            schema.Type ??= JsonSchemaType.String;
        }

        // Strings pass through a converter of ours (clean text), which hides their type from the generator.
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.Enum is not { Count: > 0 })
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: false } ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        }

        // Lists of strings: the items are strings too (the converter hid that as well).
        if (schema.Type is { } list && (list & JsonSchemaType.Array) != 0 && schema.Items is null && context.JsonTypeInfo.ElementType == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        // The server reads "12" for 12 but always writes 12: the document says what clients receive.
        if (schema.Type is { } t && (t & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (t & JsonSchemaType.String) != 0)
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    private static Task DocumentAsync(OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Info.Title = "DanVan API";
        doc.Info.Description = "Phong trào thi đua \"Dân vận khéo\" — API v1. Xác thực: Authorization: Bearer <mã truy cập>. Hướng dẫn: docs/api.md.";
        doc.Info.Version = "1";
        doc.Servers = [new OpenApiServer { Url = "/", Description = "Máy chủ đang phục vụ tài liệu này" }];
        doc.Components ??= new OpenApiComponents();
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        doc.Components.Schemas[ProblemSchema] = Problem();
        // Free JSON (a job's result): any value but null, so "null or this" has one way to be null.
        if (doc.Components.Schemas.TryGetValue("JsonElement", out var free) && free is OpenApiSchema any)
        {
            any.Type = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean;
            any.Items = new OpenApiSchema();
            any.Description = "Bất kỳ giá trị JSON nào (kết quả của công việc).";
        }

        doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "Mã truy cập tạo ở trang Tài khoản → Mã truy cập API (hoặc mã của tài khoản tích hợp), gửi trong Authorization: Bearer <mã>.",
            },
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] };
        foreach (var (path, item) in doc.Paths)
        {
            foreach (var (method, op) in item.Operations ?? [])
            {
                op.OperationId ??= OperationId(method.Method, path);
                Files(op, path);
                op.Security = [requirement];
                op.Responses ??= [];
                var writes = method != HttpMethod.Get && method != HttpMethod.Head;
                Refusal(doc, op, "400", "Dữ liệu gửi lên không hợp lệ (errors: lỗi theo từng trường).");
                Refusal(doc, op, "401", "Chưa xác thực: thiếu mã truy cập, mã hết hạn hoặc đã bị thu hồi.", "WWW-Authenticate");
                Refusal(doc, op, "403", "Không có quyền với thao tác này (vai trò, phạm vi, mật khẩu tạm thời phải đổi, hoặc bắt buộc xác thực hai bước).");
                Refusal(doc, op, "404", "Không tìm thấy, hoặc không thuộc phạm vi của người gọi.");
                if (writes)
                {
                    Refusal(doc, op, "409", "Xung đột: dữ liệu đã đổi từ phiên bản đã đọc (version), hoặc trạng thái không cho phép thao tác.");
                    Refusal(doc, op, "415", "Kiểu nội dung không được hỗ trợ.");
                }

                Refusal(doc, op, "429", "Gửi quá nhiều yêu cầu; thử lại sau số giây trong Retry-After.", "Retry-After");
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Downloads answer a file, not JSON: say which kind, as bytes.</summary>
    private static void Files(OpenApiOperation op, string path)
    {
        string[] kinds = path.EndsWith(".xlsx", StringComparison.Ordinal) ? [Features.Reports.Exports.XlsxType]
            : path.EndsWith(".docx", StringComparison.Ordinal) || path.EndsWith("/reports/document", StringComparison.Ordinal)
                ? ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
            : path.EndsWith("/file", StringComparison.Ordinal) || path.Contains("/attachments/{", StringComparison.Ordinal) || path.Contains("/photos/{", StringComparison.Ordinal)
                || path.StartsWith("/api/v1/evidence/", StringComparison.Ordinal)
                ? ["image/jpeg", "image/png", "image/webp", "application/pdf", "application/octet-stream"]
            : [];
        if (kinds.Length == 0 || op.Responses is null)
        {
            return;
        }

        op.Responses["200"] = new OpenApiResponse
        {
            Description = "Tệp tải về.",
            Content = kinds.ToDictionary(k => k, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }, StringComparer.Ordinal),
        };
    }

    /// <summary>"GET /api/v1/initiatives/{id}/results" → "getInitiativesByIdResults": unique, as the route is.</summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2))
        {
            var name = segment.StartsWith('{') ? "By-" + segment.Trim('{', '}').Split(':')[0] : segment;
            foreach (var word in name.Split('-', '_', '.'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
                }
            }
        }

        return id.ToString();
    }

    private static void Refusal(OpenApiDocument doc, OpenApiOperation op, string status, string description, string? header = null)
    {
        if (op.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse { Content: { Count: > 0 } content })
        {
            // Keep the generator's validation-problem shape, but say it in our words too.
            existing.Description ??= description;
            return;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, doc) },
            },
        };
        if (header is not null)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
            {
                [header] = new OpenApiHeader
                {
                    Description = header == "Retry-After" ? "Số giây nên chờ." : "Bearer",
                    Schema = new OpenApiSchema { Type = header == "Retry-After" ? JsonSchemaType.Integer : JsonSchemaType.String },
                },
            };
        }

        op.Responses[status] = response;
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; the title and detail are in Vietnamese.",
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
