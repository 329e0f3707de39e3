package io.twinline.opcua.namespace;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.AccessContext;
import org.eclipse.milo.opcua.sdk.server.methods.MethodInvocationHandler;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallResponse;

/**
 * Method calls answered when their work is done, without holding a thread until then.
 *
 * <p>Milo calls a method's handler on one of its executor threads and sends what it returns. A
 * Step of simulated time, or any call that waits for the simulation's next I/O cycle, would hold
 * that thread until the simulation has done it. Here the handler starts the work and {@link
 * #defer}s its result instead; Milo answers at once with a placeholder, and the transport ({@link
 * #settle}, called with the response before it is sent) swaps the placeholder for the real result
 * when it is ready. Timeouts are the server's: a call not done within the request's timeout hint
 * (or {@value #DEFAULT_TIMEOUT_SECONDS} s) is answered {@code Bad_Timeout}.
 */
public final class DeferredCalls {

  static final long DEFAULT_TIMEOUT_SECONDS = 120;

  private static final ThreadLocal<CallMethodRequest> CURRENT = new ThreadLocal<>();

  private final Map<CallMethodRequest, CompletableFuture<CallMethodResult>> pending =
      new IdentityHashMap<>();

  /** Wraps a method's handler so that it can {@link #defer} (it learns which request it serves). */
  MethodInvocationHandler wrap(MethodInvocationHandler handler) {
    return new MethodInvocationHandler() {
      @Override
      public CallMethodResult invoke(AccessContext context, CallMethodRequest request) {
        CURRENT.set(request);
        try {
          return handler.invoke(context, request);
        } finally {
          CURRENT.remove();
        }
      }
    };
  }

  /**
   * Called by a method's body: the call's result is {@code result} once it completes (its
   * outputs, or a bad status). The body then returns placeholder outputs.
   */
  void defer(CompletableFuture<CallMethodResult> result) {
    CallMethodRequest request = CURRENT.get();
    if (request == null) {
      throw new IllegalStateException("defer outside a method call");
    }
    synchronized (pending) {
      pending.put(request, result);
    }
  }

  /** A result with a bad status and no outputs. */
  static CallMethodResult bad(long status) {
    return new CallMethodResult(new StatusCode(status), new StatusCode[0], new DiagnosticInfo[0],
        new Variant[0]);
  }

  static CallMethodResult good(Variant... outputs) {
    return new CallMethodResult(StatusCode.GOOD, new StatusCode[0], new DiagnosticInfo[0],
        outputs);
  }

  /**
   * Drops what was deferred for {@code request}: Milo did not answer it (the request failed), so
   * nothing will be settled.
   */
  public void forget(CallRequest request) {
    CallMethodRequest[] calls = request.getMethodsToCall();
    if (calls == null) {
      return;
    }
    synchronized (pending) {
      for (CallMethodRequest call : calls) {
        pending.remove(call);
      }
    }
  }

  /**
   * The response to send for {@code request}: {@code response} with every deferred result in
   * place, once all of them are done. Never blocks.
   */
  public CompletableFuture<CallResponse> settle(CallRequest request, CallResponse response) {
    CallMethodRequest[] calls = request.getMethodsToCall();
    if (calls == null || response.getResults() == null) {
      forget(request);
      return CompletableFuture.completedFuture(response);
    }
    List<CompletableFuture<CallMethodResult>> deferred = new ArrayList<>();
    boolean any = false;
    synchronized (pending) {
      for (CallMethodRequest call : calls) {
        CompletableFuture<CallMethodResult> result = pending.remove(call);
        deferred.add(result);
        any |= result != null;
      }
    }
    if (!any) {
      return CompletableFuture.completedFuture(response);
    }
    double hint = request.getRequestHeader().getTimeoutHint() == null ? 0
        : request.getRequestHeader().getTimeoutHint().doubleValue();
    long timeoutMillis = hint > 0 ? (long) hint : TimeUnit.SECONDS.toMillis(DEFAULT_TIMEOUT_SECONDS);
    CallMethodResult[] results = response.getResults().clone();
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    for (int i = 0; i < deferred.size() && i < results.length; i++) {
      CompletableFuture<CallMethodResult> result = deferred.get(i);
      if (result == null) {
        continue;
      }
      int index = i;
      waits.add(result
          .completeOnTimeout(bad(StatusCodes.Bad_Timeout), timeoutMillis, TimeUnit.MILLISECONDS)
          .exceptionally(failure -> bad(StatusCodes.Bad_InternalError))
          .thenAccept(r -> results[index] = r));
    }
    return CompletableFuture.allOf(waits.toArray(new CompletableFuture[0]))
        .thenApply(done -> new CallResponse(response.getResponseHeader(), results,
            response.getDiagnosticInfos()));
  }
}
