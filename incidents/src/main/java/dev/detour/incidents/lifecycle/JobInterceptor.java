package dev.detour.incidents.lifecycle;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * Runs a {@link Job} method through {@link Jobs}. Outermost of the method's interceptors, so that a failure to
 * commit the method's own transaction is caught as well.
 */
@Singleton
@InterceptorBean(Job.class)
public class JobInterceptor implements MethodInterceptor<Object, Object>, Ordered {
    private final Jobs jobs;

    public JobInterceptor(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String name = context.stringValue(Job.class).orElse(context.getMethodName());
        jobs.run(name, context::proceed);
        return null; // scheduled methods return nothing
    }
}
