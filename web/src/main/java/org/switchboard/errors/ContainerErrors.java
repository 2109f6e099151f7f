package org.switchboard.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.switchboard.json.Jsonp;

/**
 * The answer to what the servlet container refuses before any API sees it ({@code /WEB-INF/...}, a malformed request
 * line, a failure in a filter): Switchboard's JSON error, {@code {"error": "..."}}, in place of the server's HTML
 * page, which names the server and its version. {@code web.xml} points every error page here.
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/.error";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String reason = type == null ? "Error " + status : type.getReasonPhrase();
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.getOutputStream().write(Jsonp.JSON.createObjectBuilder()
                .add("error", status == 404 ? "Not Found: no API answers at this path" : reason)
                .build().toString().getBytes(StandardCharsets.UTF_8));
    }
}
