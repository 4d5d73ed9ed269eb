import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { loginBodySchema, type LoginBody } from '@secondlook/contracts';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { authApi } from '../../api/auth.api';
import { isApiError } from '../../api/http-client';

export function SignInPage() {
  const form = useForm<LoginBody>({ resolver: zodResolver(loginBodySchema), defaultValues: { email: '', password: '' } });
  const signIn = useMutation({ mutationFn: authApi.login });
  const { errors } = form.formState;
  const failure = signIn.error
    ? isApiError(signIn.error, 401)
      ? 'That email and password do not match an account.'
      : isApiError(signIn.error, 429)
        ? 'Too many attempts. Wait a minute, then try again.'
        : signIn.error.message
    : null;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380} radius="md">
        <form onSubmit={form.handleSubmit((body) => signIn.mutate(body))} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <div>
              <Title order={1} id="sign-in-title" size="h2">
                SecondLook
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to the case dashboard
              </Text>
            </div>
            <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.register('email')} error={errors.email?.message} />
            <PasswordInput label="Password" autoComplete="current-password" required {...form.register('password')} error={errors.password?.message} />
            {failure && (
              <Alert color="red" role="alert" title="Not signed in">
                {failure}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
