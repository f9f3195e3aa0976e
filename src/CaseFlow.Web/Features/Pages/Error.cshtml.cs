using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Pages;

/// <summary>/error/{code} — what a page shows for an empty 4xx (the status-code page re-executes here, keeping the status).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            403 => ("无权访问", "您的角色不能查看或办理此页面的内容。如需办理，请联系本机关的系统管理员。"),
            404 => ("页面不存在", "没有找到这个页面或案件，或您无权查看。"),
            400 => ("请求无效", "提交的内容无法处理（可能是页面已过期），请返回后刷新页面再试。"),
            _ => ("出错了", "处理请求时出错。"),
        };
        // Reached directly (not re-executed): answer with the code the page describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600) Response.StatusCode = code;
    }
}
