package org.aidmatch.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aidmatch.service.problem.ProblemWriter;
import org.aidmatch.service.problem.RequestBodyTooLarge;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over 64 KiB, or over 4 MiB for a bulk import ({@code POST /api/v1/.../imports}),
 * with 413: at once when the length is declared, and as soon as the limit is passed when the body
 * is streamed without one.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    public static final int MAX_BYTES = RequestBodyTooLarge.MAX_BYTES;

    private final ProblemWriter problems;

    public BodySizeLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getMethod(), request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            problems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "The request body may be at most " + limit + " bytes.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** The largest body a call may send: the API documents say it too. */
    public static long limitFor(String method, String path) {
        boolean isImport = "POST".equals(method) && path.startsWith("/api/") && path.endsWith("/imports");
        return isImport ? RequestBodyTooLarge.IMPORT_MAX_BYTES : MAX_BYTES;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new RequestBodyTooLarge(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new RequestBodyTooLarge(limit);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
