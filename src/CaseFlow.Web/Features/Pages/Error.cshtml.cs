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
        // Re-executed after an exception: the status was chosen from the exception, the route always says 500.
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        if (failure is not null) code = Response.StatusCode;
        (Title, Message) = code switch
        {
            403 => ("无权访问", "您的角色不能查看或办理此页面的内容。如需办理，请联系本机关的系统管理员。"),
            404 => ("页面不存在", "没有找到这个页面或案件，或您无权查看。"),
            409 => ("操作未生效", "数据已被他人同时修改或当前状态不允许此操作，请返回后刷新页面再试。"),
            400 => ("请求无效", "提交的内容无法处理（可能是页面已过期），请返回后刷新页面再试。"),
            >= 500 => ("出错了", "服务器处理请求时出错，已记录日志。请稍后重试；问题持续时请联系系统管理员。"),
            _ => ("出错了", "处理请求时出错。"),
        };
        // Reached directly (not re-executed): answer with the code the page describes.
        if (failure is null && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600) Response.StatusCode = code;
    }
}
