import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from '../api/http-client';
import { AuthProvider } from '../features/auth/AuthProvider';
import { useAuth } from '../features/auth/useAuth';
import { AppShellLayout } from './AppShellLayout';
import { cssVariablesResolver, theme } from './theme';

// Each area is its own chunk: the first screen loads only the shell and the worklist. The
// sign-in form too (react-hook-form and zod), which a reload with a live session never shows.
const SignInPage = lazy(() => import('../features/auth/SignInPage').then((module) => ({ default: module.SignInPage })));
const WorklistPage = lazy(() => import('../features/worklist/WorklistPage'));
const CaseWorkspacePage = lazy(() => import('../features/case-workspace/CaseWorkspacePage'));
const AdminPage = lazy(() => import('../features/admin/AdminPage'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage'));

const PageLoader = () => (
  <Center py="xl">
    <Loader aria-label="Loading" />
  </Center>
);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        refetchOnWindowFocus: true,
        // Retrying a refusal or a missing case only delays the message.
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status < 500),
      },
    },
  });
}

function Gate({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  if (status === 'restoring') return <PageLoader />;
  if (status === 'signed-out')
    return (
      <Suspense fallback={<PageLoader />}>
        <SignInPage />
      </Suspense>
    );
  return children;
}

function HomeRoute() {
  const { role } = useAuth();
  return role === 'admin' ? <Navigate to="/admin" replace /> : <WorklistPage />;
}

export function AppRoutes() {
  return (
    <Gate>
      <Routes>
        <Route element={<AppShellLayout />}>
          <Route
            index
            element={
              <Suspense fallback={<PageLoader />}>
                <HomeRoute />
              </Suspense>
            }
          />
          <Route
            path="cases/:caseId"
            element={
              <Suspense fallback={<PageLoader />}>
                <CaseWorkspacePage />
              </Suspense>
            }
          />
          <Route
            path="admin"
            element={
              <Suspense fallback={<PageLoader />}>
                <AdminPage />
              </Suspense>
            }
          />
          <Route
            path="reports"
            element={
              <Suspense fallback={<PageLoader />}>
                <ReportsPage />
              </Suspense>
            }
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </Gate>
  );
}

/** `queryClient`: the one main.tsx already started the first screen's requests in. */
export function App({ queryClient: given }: { queryClient?: QueryClient } = {}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
