import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request } from 'express';
import { Access, Public, unauthorized } from '@oversight/platform';
import { AuthService, LoginAnswer, SessionUser } from './auth.service';
import { LOGIN_RATE_LIMITER, RateLimiter } from './rate-limiter';
import { RequestWithSession, SESSION } from './bearer.resolver';

export class LoginDto {
  /** 用户名 */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  /** 密码 */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(LOGIN_RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录 / sign in; answers a short-lived bearer token' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginAnswer> {
    this.limiter.take(`login:${req.ip}`);
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @Access({ orgs: 'any' })
  @ApiOperation({ summary: '当前用户 / the signed-in user' })
  me(@Req() req: RequestWithSession): SessionUser {
    const session = req[SESSION];
    if (!session) throw unauthorized();
    return { username: session.username, name: session.name, org: session.org, roles: session.roles };
  }
}
