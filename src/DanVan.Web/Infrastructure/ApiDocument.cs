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

        // What a client sends may leave out what may be null (StepInput.reason for "forward"): the server reads a missing
        // value as null. (An answer keeps such fields required: they are always there, null or not.)
        if (context.JsonTypeInfo.Type.Name.EndsWith("Input", StringComparison.Ordinal) && schema.Required is { Count: > 0 } required)
        {
            foreach (var p in context.JsonTypeInfo.Properties.Where(p => p.IsSetNullable && !p.IsRequired && required.Contains(p.Name)
                && p.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true) != true))
            {
                required.Remove(p.Name);
            }
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
                Describe(op);
                if (Uploads.TryGetValue($"{method.Method} {path}", out var fields))
                {
                    op.RequestBody = Upload(fields);
                }

                if (method == HttpMethod.Put)
                {
                    VersionRequired(doc, op);
                }

                if (method == HttpMethod.Post)
                {
                    op.Parameters ??= [];
                    op.Parameters.Add(new OpenApiParameter
                    {
                        Name = Idempotency.Header, In = ParameterLocation.Header, Required = false,
                        Description = "Khoá (1–100 ký tự, ví dụ một UUID) để gửi lại an toàn: cùng người gọi gửi lại cùng khoá trong 24 giờ nhận lại câu trả lời đầu "
                            + "(kèm Idempotent-Replayed: true), không tạo bản ghi thứ hai; cùng khoá với yêu cầu khác → 409.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    });
                }

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
        if (kinds.Contains("application/pdf"))
        {
            // Stored files carry an ETag: a client that sends If-None-Match gets 304 when it already has the file.
            op.Responses["304"] = new OpenApiResponse { Description = "Tệp không đổi so với bản client đã có (If-None-Match)." };
        }
    }

    /// <summary>A change (PUT) carries the version it read (optimistic concurrency); the same input creates without one.</summary>
    private static void VersionRequired(OpenApiDocument doc, OpenApiOperation op)
    {
        if (op.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media.Schema is OpenApiSchemaReference { Reference.Id: { } id }
            && doc.Components?.Schemas?.TryGetValue(id, out var target) == true && target.Properties?.ContainsKey("version") == true)
        {
            media.Schema = new OpenApiSchema
            {
                AllOf = [media.Schema, new OpenApiSchema { Required = new HashSet<string>(StringComparer.Ordinal) { "version" } }],
                Description = "Gửi kèm version đã đọc; bản đã đổi từ đó được trả 409.",
            };
        }
    }

    /// <summary>The operations that take a file (read by hand, so the generator cannot see them): the form's other fields.</summary>
    private static readonly Dictionary<string, (string Name, JsonSchemaType Type, string Text, string[]? Values)[]> Uploads = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/imports"] =
        [
            ("kind", JsonSchemaType.String, "Loại danh sách: initiatives (mặc định), results hoặc awards.", ["initiatives", "results", "awards"]),
            ("dryRun", JsonSchemaType.Boolean, "true: chỉ kiểm tra, không ghi.", null),
        ],
        ["POST /api/v1/imports/results"] = [("dryRun", JsonSchemaType.Boolean, "true: chỉ kiểm tra, không ghi.", null)],
        ["POST /api/v1/results/{reportId}/evidence"] = [("isPublic", JsonSchemaType.Boolean, "true: ảnh được hiện trên trang công khai.", null)],
        ["POST /api/v1/inspections/{id}/photos"] = [],
        ["POST /api/v1/nominations/{id}/attachments"] =
            [("kind", JsonSchemaType.String, "Loại tài liệu.", ["cover_letter", "achievement_report", "minutes", "other"])],
        ["POST /api/v1/documents"] =
        [
            ("kind", JsonSchemaType.String, "Loại văn bản.", ["plan", "directive", "guidance", "report", "decision", "other"]),
            ("number", JsonSchemaType.String, "Số, ký hiệu văn bản.", null),
            ("issuedOn", JsonSchemaType.String, "Ngày ban hành (yyyy-MM-dd).", null),
            ("issuer", JsonSchemaType.String, "Cơ quan ban hành.", null),
            ("title", JsonSchemaType.String, "Trích yếu.", null),
            ("unitCode", JsonSchemaType.String, "Mã đơn vị ban hành (bỏ trống: Trung ương, chỉ quản trị).", null),
            ("isPublic", JsonSchemaType.Boolean, "true: đăng trên trang công khai.", null),
            ("governs", JsonSchemaType.String, "Đối tượng áp dụng, cách nhau bởi dấu phẩy (campaign:12, initiative:451…).", null),
        ],
    };

    private static OpenApiRequestBody Upload((string Name, JsonSchemaType Type, string Text, string[]? Values)[] fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "Tệp (ảnh JPEG/PNG/WebP, PDF, .xlsx hoặc .csv tuỳ thao tác)." },
        };
        foreach (var (name, type, text, values) in fields)
        {
            properties[name] = new OpenApiSchema
            {
                Type = type, Description = text, Format = name == "issuedOn" ? "date" : null,
                Enum = values?.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList(),
            };
        }

        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string>(StringComparer.Ordinal) { "file" }, Properties = properties },
                },
            },
        };
    }

    /// <summary>What each query parameter means, once for every operation that has it, with an example.</summary>
    private static readonly Dictionary<string, (string Text, string? Example)> Parameters = new(StringComparer.Ordinal)
    {
        ["limit"] = ($"Số dòng một trang, 1–{ListPage.MaxLimit} (mặc định {ListPage.DefaultLimit}; danh sách mô hình: tối đa 100).", "50"),
        ["after"] = ("Con trỏ trang: giá trị next của trang trước; bỏ trống để đọc trang đầu. Đọc đến khi next là null.", null),
        ["page"] = ("Trang theo số (từ 1); chỉ danh sách mô hình. Đọc hết danh sách: dùng after.", "1"),
        ["pageSize"] = ("Tên cũ của limit (danh sách mô hình).", "20"),
        ["sort"] = ("Thứ tự: unit (mặc định, theo đơn vị rồi tên), name, -name, registered, -registered, changed (ngày thay đổi, cũ trước; mặc định khi có updatedSince).", "-registered"),
        ["updatedSince"] = ("Chỉ những bản ghi được lưu có thay đổi từ ngày này (yyyy-MM-dd, giờ Việt Nam) trở đi; đồng bộ: đọc đến hết theo next, lần sau gửi lại ngày của lần đọc trước.", "2026-12-01"),
        ["q"] = ("Từ cần tìm, có hoặc không dấu (đ viết d cũng được).", "dan van kheo"),
        ["unit"] = ("Mã đơn vị (mã hành chính), ví dụ 33 (Hưng Yên) hoặc 12280 (một xã).", "33"),
        ["unitCode"] = ("Mã đơn vị (mã hành chính).", "12280"),
        ["map"] = ("Bản đồ hành chính: 2025 (hiện nay, mặc định) hoặc 2024 (trước sắp xếp).", "2025"),
        ["year"] = ("Năm, ví dụ 2025.", "2025"),
        ["from"] = ("Từ ngày (yyyy-MM-dd).", "2025-01-01"),
        ["to"] = ("Đến ngày (yyyy-MM-dd).", "2025-12-31"),
        ["asOf"] = ("Tính đến ngày (yyyy-MM-dd).", "2025-12-31"),
        ["recognized"] = ("true: đã được công nhận (tính đến asOf nếu có); false: chưa.", "true"),
        ["status"] = ("Trạng thái (giá trị liệt kê trong lược đồ).", null),
        ["period"] = ("Kỳ báo cáo: 2024 (năm), 2024-H1 (6 tháng), 2024-Q3 (quý), 2024-05 (tháng).", "2025-Q3"),
        ["initiativeId"] = ("Số hiệu mô hình.", "451"),
        ["organizationId"] = ("Số hiệu tổ chức (khi báo cáo theo tổ chức).", null),
        ["number"] = ("Số văn bản, hoặc một phần của số.", "10-QĐ/TU"),
        ["form"] = ("Mã hình thức khen thưởng.", "bk_tinh"),
        ["kind"] = ("Loại (giá trị liệt kê trong mô tả thao tác).", null),
        ["field"] = ("Lĩnh vực (giá trị liệt kê trong mô tả thao tác).", null),
        ["origin"] = ("Nguồn gốc mô hình: new (mới) hoặc replicated (nhân rộng).", null),
        ["governs"] = ("Đối tượng văn bản áp dụng, ví dụ campaign:12, initiative:451.", "campaign:12"),
        ["w"] = ("Chiều rộng ảnh thu nhỏ (điểm ảnh).", "320"),
        ["id"] = ("Số hiệu.", null),
        ["code"] = ("Mã.", null),
    };

    private static void Describe(OpenApiOperation op)
    {
        foreach (var p in (op.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (p.Name is { } name && Parameters.TryGetValue(name, out var d))
            {
                p.Description ??= d.Text;
                if (d.Example is { } example && p.Example is null)
                {
                    // The example is of the parameter's own type (an integer's example is a number, not text).
                    var type = p.Schema?.Type ?? JsonSchemaType.String;
                    p.Example = (type & JsonSchemaType.Integer) != 0 && long.TryParse(example, CultureInfo.InvariantCulture, out var n) ? System.Text.Json.Nodes.JsonValue.Create(n)
                        : (type & JsonSchemaType.Boolean) != 0 && bool.TryParse(example, out var b) ? System.Text.Json.Nodes.JsonValue.Create(b)
                        : (type & JsonSchemaType.String) != 0 ? System.Text.Json.Nodes.JsonValue.Create(example)
                        : null;
                }
            }
        }

        if (op.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers["Location"] = new OpenApiHeader
            {
                Description = "Địa chỉ của mục vừa tạo (GET đọc được).", Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
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
